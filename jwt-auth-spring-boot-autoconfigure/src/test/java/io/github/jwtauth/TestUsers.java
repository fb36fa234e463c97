package io.github.jwtauth;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain in-memory {@link AuthBackend} for the starter's own tests: the seed's three users.
 */
public final class TestUsers implements AuthBackend<TestUsers.User> {

	private final Map<String, User> users = Map.of("pav", new User("1", "pav", "123", List.of("user")), "ama",
			new User("2", "ama", "456", List.of("admin")), "max", new User("3", "max", "789", List.of()));

	@Override
	public Optional<User> authenticate(String username, String password) {
		User user = this.users.get(username);
		return (user != null && user.password().equals(password)) ? Optional.of(user) : Optional.empty();
	}

	@Override
	public Optional<User> findById(String id) {
		return this.users.values().stream().filter((user) -> user.id().equals(id)).findFirst();
	}

	@Override
	public String idOf(User user) {
		return user.id();
	}

	@Override
	public Collection<String> rolesOf(User user) {
		return user.roles();
	}

	/**
	 * A user.
	 *
	 * @param id the id
	 * @param username the login name
	 * @param password the password, in clear: tests only
	 * @param roles the roles
	 */
	public record User(String id, String username, String password, List<String> roles) {
	}

}
