package io.github.jwtauth.refresh;

import java.time.Instant;

import org.springframework.util.Assert;

/**
 * What a {@link TokenStore} keeps for one refresh token: never the token itself, only its
 * family, its user and its times.
 *
 * @param familyId the family (one login) the token belongs to; access tokens carry it as
 * {@code sid}
 * @param subject the id of the user
 * @param familyIssuedAt when the family started, that is when the user logged in
 * @param expiresAt when the token stops being accepted
 */
public record RefreshTokenRecord(String familyId, String subject, Instant familyIssuedAt, Instant expiresAt) {

	public RefreshTokenRecord {
		Assert.hasText(familyId, "familyId cannot be empty");
		Assert.hasText(subject, "subject cannot be empty");
		Assert.notNull(familyIssuedAt, "familyIssuedAt cannot be null");
		Assert.notNull(expiresAt, "expiresAt cannot be null");
	}

	/**
	 * Whether the token is expired at an instant.
	 * @param now the instant
	 * @return {@code true} if {@code now} is at or after {@link #expiresAt()}
	 */
	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

}
