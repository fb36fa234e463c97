package io.github.jwtauth.refresh;

/**
 * Thrown when a presented refresh token is unknown, already used, expired, or belongs to a
 * user who no longer exists; answered with {@code 401 invalid_grant} (RFC 6749 §5.2).
 */
public class InvalidRefreshTokenException extends RuntimeException {

	public InvalidRefreshTokenException(String message) {
		super(message);
	}

}
