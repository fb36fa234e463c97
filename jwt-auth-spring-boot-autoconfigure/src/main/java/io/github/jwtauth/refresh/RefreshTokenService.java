package io.github.jwtauth.refresh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import org.springframework.util.Assert;

/**
 * Mints opaque refresh tokens (256 random bits, base64url) and redeems them exactly once.
 * <p>
 * Only the SHA-256 of a token reaches the {@link RefreshTokenStore}: the token has full
 * entropy, so a fast unsalted hash is enough to make a stolen store useless (RFC 9700 §4.14).
 */
public final class RefreshTokenService {

	private static final int TOKEN_BYTES = 32;

	private static final int MAX_TOKEN_LENGTH = 256;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final RefreshTokenStore store;

	private final Clock clock;

	private final Duration ttl;

	private final SecureRandom random = new SecureRandom();

	public RefreshTokenService(RefreshTokenStore store, Clock clock, Duration ttl) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(ttl != null && !ttl.isNegative() && !ttl.isZero(), "ttl must be positive");
		this.store = store;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * Create and store a new refresh token for a user.
	 * @param subject the user's id
	 * @return the token, to be handed to the client once
	 */
	public String create(String subject) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = ENCODER.encodeToString(bytes);
		this.store.save(hash(token), new StoredRefreshToken(subject, this.clock.instant().plus(this.ttl)));
		return token;
	}

	/**
	 * Redeem a refresh token: it is removed from the store and can never be used again.
	 * @param token the token the client presented
	 * @return the id of the user it was issued to
	 * @throws InvalidRefreshTokenException if the token is unknown, used or expired
	 */
	public String consume(String token) {
		if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			throw new InvalidRefreshTokenException("The refresh token is invalid");
		}
		StoredRefreshToken stored = this.store.consume(hash(token));
		if (stored == null) {
			throw new InvalidRefreshTokenException("The refresh token is invalid or has already been used");
		}
		if (stored.isExpiredAt(this.clock.instant())) {
			throw new InvalidRefreshTokenException("The refresh token has expired");
		}
		return stored.subject();
	}

	/**
	 * Return the lifetime of the refresh tokens this service creates.
	 * @return the lifetime
	 */
	public Duration getTtl() {
		return this.ttl;
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
