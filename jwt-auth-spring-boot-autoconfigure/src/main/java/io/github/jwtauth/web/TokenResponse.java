package io.github.jwtauth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.jwtauth.token.TokenPair;

/**
 * The body of a successful login or refresh, in the shape of an OAuth 2.0 token response
 * (RFC 6749 §5.1) with bottle-jwt's {@code token} member name.
 *
 * @param token the access token
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param refreshToken the refresh token
 * @param refreshExpiresIn seconds until the refresh token expires
 */
public record TokenResponse(@JsonProperty("token") String token, @JsonProperty("token_type") String tokenType,
		@JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken,
		@JsonProperty("refresh_expires_in") long refreshExpiresIn) {

	/**
	 * Create the response for a token pair.
	 * @param pair the pair
	 * @return the response
	 */
	public static TokenResponse of(TokenPair pair) {
		return new TokenResponse(pair.accessToken(), "Bearer", pair.accessTokenTtl().toSeconds(), pair.refreshToken(),
				pair.refreshTokenTtl().toSeconds());
	}

	@Override
	public String toString() {
		return "TokenResponse[expiresIn=" + this.expiresIn + ", refreshExpiresIn=" + this.refreshExpiresIn + "]";
	}

}
