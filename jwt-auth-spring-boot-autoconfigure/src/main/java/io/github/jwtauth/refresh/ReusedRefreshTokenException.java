package io.github.jwtauth.refresh;

/**
 * A refresh token was presented again after it had been used, outside the grace window: it
 * has probably been stolen, so its whole family has been revoked (RFC 9700 §4.14.2).
 */
public class ReusedRefreshTokenException extends InvalidRefreshTokenException {

	public ReusedRefreshTokenException() {
		super("The refresh token was already used; every token of its session has been revoked");
	}

}
