package io.github.jwtauth.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Revokes tokens from application code: one session (logout), or every token of a user
 * (logout everywhere, password change, role change, account disabled). Revoked access tokens
 * are refused with {@code 401 invalid_token} until they expire; revoked refresh tokens with
 * {@code 401 invalid_grant}.
 */
public final class TokenRevoker {

	/** Name of the access-token claim that carries the refresh-token family. */
	public static final String FAMILY_CLAIM = "sid";

	private final TokenStore store;

	private final Clock clock;

	private final Duration horizon;

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Create a revoker.
	 * @param store the store
	 * @param clock the clock
	 * @param horizon how long after now any token issued so far can still be valid: the
	 * longer of the two token lifetimes plus the clock skew
	 */
	public TokenRevoker(TokenStore store, Clock clock, Duration horizon) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(horizon, "horizon cannot be null");
		this.store = store;
		this.clock = clock;
		this.horizon = horizon;
	}

	/**
	 * Run a callback after every revocation made through this revoker, so that local caches
	 * of revocation state can be dropped at once.
	 * @param listener the callback
	 */
	public void onRevocation(Runnable listener) {
		Assert.notNull(listener, "listener cannot be null");
		this.listeners.add(listener);
	}

	/**
	 * Revoke the session of an access token: the token itself and its refresh-token family.
	 * @param accessToken a verified access token
	 */
	public void revokeSession(Jwt accessToken) {
		Assert.notNull(accessToken, "accessToken cannot be null");
		Instant expiresAt = accessToken.getExpiresAt();
		if (accessToken.getId() != null) {
			this.store.revokeAccessToken(accessToken.getId(),
					(expiresAt != null) ? expiresAt.plus(this.horizon) : until());
		}
		String familyId = accessToken.getClaimAsString(FAMILY_CLAIM);
		if (familyId != null) {
			this.store.revokeFamily(familyId, until());
		}
		notifyListeners();
	}

	/**
	 * Revoke a refresh-token family and every access token issued from it.
	 * @param familyId the family
	 */
	public void revokeFamily(String familyId) {
		Assert.hasText(familyId, "familyId cannot be empty");
		this.store.revokeFamily(familyId, until());
		notifyListeners();
	}

	/**
	 * Revoke every token of a user issued up to now. Tokens issued later are not affected.
	 * @param subject the user's id
	 */
	public void revokeAll(String subject) {
		Assert.hasText(subject, "subject cannot be empty");
		this.store.revokeSubject(subject, this.clock.instant(), until());
		notifyListeners();
	}

	private Instant until() {
		return this.clock.instant().plus(this.horizon);
	}

	private void notifyListeners() {
		this.listeners.forEach(Runnable::run);
	}

}
