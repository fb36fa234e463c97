package io.github.jwtauth.refresh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Mints opaque refresh tokens (256 random bits, base64url) in families and rotates them with
 * reuse detection (RFC 9700 §4.14.2): each refresh consumes the presented token and issues
 * the next of its family; a consumed token presented again revokes the whole family, unless
 * it comes within the reuse grace window (a retry, or two browser tabs), which gets another
 * token of the same family instead.
 * <p>
 * Only the SHA-256 of a token reaches the {@link TokenStore}: the token has full entropy, so
 * a fast unsalted hash is enough to make a stolen store useless.
 */
public final class RefreshTokenService {

	private static final Log logger = LogFactory.getLog(RefreshTokenService.class);

	private static final int TOKEN_BYTES = 32;

	private static final int MAX_TOKEN_LENGTH = 256;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final TokenStore store;

	private final Clock clock;

	private final Duration ttl;

	private final Duration reuseGrace;

	private final TokenRevoker revoker;

	private final SecureRandom random = new SecureRandom();

	public RefreshTokenService(TokenStore store, Clock clock, Duration ttl, Duration reuseGrace, TokenRevoker revoker) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(ttl != null && !ttl.isNegative() && !ttl.isZero(), "ttl must be positive");
		Assert.isTrue(reuseGrace != null && !reuseGrace.isNegative(), "reuseGrace must not be negative");
		Assert.notNull(revoker, "revoker cannot be null");
		this.store = store;
		this.clock = clock;
		this.ttl = ttl;
		this.reuseGrace = reuseGrace;
		this.revoker = revoker;
	}

	/**
	 * Start a new family (a login) with its first refresh token.
	 * @param subject the user's id
	 * @return the token and its family
	 */
	public RefreshGrant startFamily(String subject) {
		Instant now = this.clock.instant();
		return issue(new RefreshTokenRecord(newId(), subject, now, now.plus(this.ttl)));
	}

	/**
	 * Redeem a refresh token for the next one of its family.
	 * @param token the token the client presented
	 * @return the next token, its family and its user
	 * @throws ReusedRefreshTokenException if the token was used before, outside the grace
	 * window; its family is then revoked
	 * @throws InvalidRefreshTokenException if the token is unknown, expired or revoked
	 */
	public RefreshGrant rotate(String token) {
		if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			throw new InvalidRefreshTokenException("The refresh token is invalid");
		}
		Instant now = this.clock.instant();
		String hash = hash(token);
		RefreshTokenRecord presented = this.store.findRefreshToken(hash);
		if (presented == null) {
			throw new InvalidRefreshTokenException("The refresh token is invalid");
		}
		if (presented.isExpiredAt(now)) {
			throw new InvalidRefreshTokenException("The refresh token has expired");
		}
		// Checked before consuming: a replay racing the first use may revoke the family in
		// between, and the first use must still win; its new token dies with the family.
		if (this.store.isRevoked(null, presented.familyId(), presented.subject(), presented.familyIssuedAt())) {
			throw new InvalidRefreshTokenException("The refresh token has been revoked");
		}
		ConsumedRefreshToken consumed = this.store.consumeRefreshToken(hash, now);
		if (consumed == null) {
			throw new InvalidRefreshTokenException("The refresh token is invalid");
		}
		if (!consumed.isFirstUse() && !withinGrace(consumed.previouslyConsumedAt(), now)) {
			logger.warn("Refresh token reused outside the grace window: revoking its family " + presented.familyId());
			this.revoker.revokeFamily(presented.familyId());
			throw new ReusedRefreshTokenException();
		}
		return issue(new RefreshTokenRecord(presented.familyId(), presented.subject(), presented.familyIssuedAt(),
				now.plus(this.ttl)));
	}

	/**
	 * Return the lifetime of the refresh tokens this service creates.
	 * @return the lifetime
	 */
	public Duration getTtl() {
		return this.ttl;
	}

	private boolean withinGrace(Instant consumedAt, Instant now) {
		return !this.reuseGrace.isZero() && !now.isAfter(consumedAt.plus(this.reuseGrace));
	}

	private RefreshGrant issue(RefreshTokenRecord record) {
		String token = newToken();
		this.store.saveRefreshToken(hash(token), record);
		return new RefreshGrant(token, record.familyId(), record.subject());
	}

	private String newToken() {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

	private String newId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return ENCODER.encodeToString(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
