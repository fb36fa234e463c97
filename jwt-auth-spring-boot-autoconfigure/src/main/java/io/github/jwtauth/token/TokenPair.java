package io.github.jwtauth.token;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * An access token and the refresh token issued with it.
 *
 * @param accessToken the compact JWS access token
 * @param accessTokenTtl how long the access token is valid from issue
 * @param refreshToken the opaque refresh token
 * @param refreshTokenTtl how long the refresh token is valid from issue
 */
public record TokenPair(String accessToken, Duration accessTokenTtl, String refreshToken, Duration refreshTokenTtl) {

	public TokenPair {
		Assert.hasText(accessToken, "accessToken cannot be empty");
		Assert.notNull(accessTokenTtl, "accessTokenTtl cannot be null");
		Assert.hasText(refreshToken, "refreshToken cannot be empty");
		Assert.notNull(refreshTokenTtl, "refreshTokenTtl cannot be null");
	}

	@Override
	public String toString() {
		// Tokens are credentials: keep them out of logs and exception messages.
		return "TokenPair[accessTokenTtl=" + this.accessTokenTtl + ", refreshTokenTtl=" + this.refreshTokenTtl + "]";
	}

}
