package io.github.jwtauth.refresh;

import io.github.jwtauth.AuthBackendUnavailableException;

/**
 * The {@link TokenStore} cannot be reached or refused to answer: login and refresh answer
 * {@code 503 temporarily_unavailable}.
 */
public class TokenStoreUnavailableException extends AuthBackendUnavailableException {

	public TokenStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public TokenStoreUnavailableException(String message) {
		super(message);
	}

}
