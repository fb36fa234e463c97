package io.github.jwtauth.refresh;

import java.time.Instant;

import org.springframework.util.Assert;

/**
 * What a {@link RefreshTokenStore} keeps for one refresh token: never the token itself,
 * only whom it belongs to and when it dies.
 *
 * @param subject the id of the user the token was issued to
 * @param expiresAt when the token stops being accepted
 */
public record StoredRefreshToken(String subject, Instant expiresAt) {

	public StoredRefreshToken {
		Assert.hasText(subject, "subject cannot be empty");
		Assert.notNull(expiresAt, "expiresAt cannot be null");
	}

	/**
	 * Whether the token is expired at a given instant.
	 * @param now the instant to check
	 * @return {@code true} if {@code now} is at or after {@link #expiresAt()}
	 */
	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

}
