package io.github.jwtauth.token;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Refuses revoked access tokens (logged out, family revoked for reuse, user revoked) with
 * {@code invalid_token}; runs after the signature and time checks, so forged or expired
 * tokens never cost a store lookup.
 */
public final class RevocationValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2TokenValidatorResult REVOKED = OAuth2TokenValidatorResult
		.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has been revoked", null));

	private final RevocationChecker checker;

	public RevocationValidator(RevocationChecker checker) {
		Assert.notNull(checker, "checker cannot be null");
		this.checker = checker;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		return this.checker.isRevoked(jwt) ? REVOKED : OAuth2TokenValidatorResult.success();
	}

}
