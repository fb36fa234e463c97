package io.github.jwtauth.refresh;

import org.jspecify.annotations.Nullable;

/**
 * Keeps refresh tokens, keyed by a hash of the token so that a leaked store does not leak
 * usable tokens.
 * <p>
 * Implementations must make {@link #consume} atomic: of two concurrent calls with the same
 * hash at most one may return the token, which is what makes rotation safe.
 */
public interface RefreshTokenStore {

	/**
	 * Store a refresh token.
	 * @param tokenHash the hash of the token, never the token itself
	 * @param token what to keep
	 */
	void save(String tokenHash, StoredRefreshToken token);

	/**
	 * Remove a refresh token and return what was stored for it, atomically.
	 * @param tokenHash the hash of the presented token
	 * @return the stored token, or {@code null} if there is none (unknown, or consumed)
	 */
	@Nullable StoredRefreshToken consume(String tokenHash);

}
