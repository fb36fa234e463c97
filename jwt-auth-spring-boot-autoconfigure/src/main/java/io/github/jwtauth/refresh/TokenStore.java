package io.github.jwtauth.refresh;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Everything stateful about tokens, behind one SPI so that it can live in memory, in a SQL
 * database or in Redis: refresh tokens (by hash) with their families, and revocations of
 * access tokens, of families and of every token of a user.
 * <p>
 * Implementations must be thread-safe and, where instances share the store, consistent
 * across them. Failures are reported as {@link TokenStoreUnavailableException}, answered
 * with 503.
 */
public interface TokenStore {

	/**
	 * Store a new, unconsumed refresh token.
	 * @param tokenHash the hash of the token, never the token itself
	 * @param token what to keep; it may be forgotten after {@link RefreshTokenRecord#expiresAt()}
	 */
	void saveRefreshToken(String tokenHash, RefreshTokenRecord token);

	/**
	 * Read a stored refresh token without consuming it.
	 * @param tokenHash the hash of the presented token
	 * @return the stored token, or {@code null} if there is none
	 */
	@Nullable RefreshTokenRecord findRefreshToken(String tokenHash);

	/**
	 * Mark a refresh token consumed, atomically: of any number of concurrent calls for one
	 * hash, on any number of instances, exactly one sees {@link ConsumedRefreshToken#isFirstUse()}.
	 * The token is kept, consumed, until it expires, so that a replay can be recognised.
	 * @param tokenHash the hash of the presented token
	 * @param now the time of consumption
	 * @return the stored token and its consumption, or {@code null} if there is none
	 */
	@Nullable ConsumedRefreshToken consumeRefreshToken(String tokenHash, Instant now);

	/**
	 * Revoke a family: its refresh tokens and every access token issued from it.
	 * @param familyId the family
	 * @param until when the revocation may be forgotten (no token of the family outlives it)
	 */
	void revokeFamily(String familyId, Instant until);

	/**
	 * Revoke one access token.
	 * @param tokenId the token's {@code jti}
	 * @param until when the revocation may be forgotten (the token's expiry)
	 */
	void revokeAccessToken(String tokenId, Instant until);

	/**
	 * Revoke every token of a user issued at or before an instant.
	 * @param subject the user's id
	 * @param notBefore tokens and families issued at or before it are revoked
	 * @param until when the mark may be forgotten
	 */
	void revokeSubject(String subject, Instant notBefore, Instant until);

	/**
	 * Whether a token is revoked, in at most one round trip to the store.
	 * @param tokenId the access token's {@code jti}, or {@code null} when checking a family
	 * @param familyId the family, or {@code null} for a token without one
	 * @param subject the user's id
	 * @param issuedAt when the token (or family) was issued
	 * @return {@code true} if the token, its family or its user's tokens were revoked
	 */
	boolean isRevoked(@Nullable String tokenId, @Nullable String familyId, String subject, Instant issuedAt);

	/**
	 * Forget refresh tokens and revocations that can no longer matter.
	 * @param now the current time
	 * @return how many entries were removed, where the store can tell
	 */
	int removeExpired(Instant now);

}
