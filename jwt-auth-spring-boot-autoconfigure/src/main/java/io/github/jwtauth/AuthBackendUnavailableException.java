package io.github.jwtauth;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * Thrown when the {@link AuthBackend} (or a token store) fails, so that the client gets
 * {@code 503 temporarily_unavailable} instead of a 500 or a misleading 401.
 * <p>
 * A backend may throw it itself, as bottle-jwt backends raised {@code JWTBackendError};
 * any other exception from the backend is wrapped in it.
 */
public class AuthBackendUnavailableException extends AuthenticationServiceException {

	public AuthBackendUnavailableException(String message) {
		super(message);
	}

	public AuthBackendUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
