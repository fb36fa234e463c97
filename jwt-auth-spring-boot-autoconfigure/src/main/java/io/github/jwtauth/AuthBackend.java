package io.github.jwtauth;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one bean an application writes: where users live and how their passwords are checked.
 * <p>
 * It mirrors bottle-jwt's {@code BaseAuthBackend}: {@link #authenticate} backs the login
 * endpoint, {@link #findById} runs once per authenticated request so that a deleted or
 * disabled user is locked out at once, and the record it returns becomes the
 * {@code Authentication} principal ({@code @AuthenticationPrincipal U user}). The record is
 * never written into a token; tokens carry {@link #idOf} as their {@code sub}.
 * <p>
 * Any exception thrown from these methods means "the backend is unavailable": clients get
 * {@code 503 temporarily_unavailable}, never a 500 and never a 401.
 *
 * @param <U> the application's user type
 */
public interface AuthBackend<U> {

	/**
	 * Check a username and password.
	 * <p>
	 * Implementations should take the same time for an unknown user as for a wrong password
	 * (compare against a dummy hash), so that response times do not reveal which usernames
	 * exist.
	 * @param username the login name, as sent
	 * @param password the password, as sent
	 * @return the user, or empty when the credentials do not match
	 */
	Optional<U> authenticate(String username, String password);

	/**
	 * Find a user by the id that {@link #idOf} gave when the token was issued.
	 * @param id the token's {@code sub} claim
	 * @return the user, or empty when no such (enabled) user exists any more
	 */
	Optional<U> findById(String id);

	/**
	 * Return the stable id of a user, written to the token's {@code sub} claim.
	 * @param user a user returned by this backend
	 * @return the id, never empty
	 */
	String idOf(U user);

	/**
	 * Return the roles of a user, without any {@code ROLE_} prefix.
	 * @param user a user returned by this backend
	 * @return the roles, empty by default
	 */
	default Collection<String> rolesOf(U user) {
		return List.of();
	}

}
