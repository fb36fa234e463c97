package io.github.jwtauth.refresh;

import org.springframework.util.Assert;

/**
 * A refresh token just issued, with the family and user it belongs to.
 *
 * @param token the opaque token, handed to the client once
 * @param familyId the family, carried by access tokens as {@code sid}
 * @param subject the user's id
 */
public record RefreshGrant(String token, String familyId, String subject) {

	public RefreshGrant {
		Assert.hasText(token, "token cannot be empty");
		Assert.hasText(familyId, "familyId cannot be empty");
		Assert.hasText(subject, "subject cannot be empty");
	}

	@Override
	public String toString() {
		return "RefreshGrant[familyId=" + this.familyId + ", subject=" + this.subject + "]";
	}

}
