package io.github.jwtauth.web;

import org.springframework.http.HttpStatus;

/**
 * A login or refresh request that cannot be read: answered with a 4xx
 * {@code invalid_request} problem.
 */
final class InvalidTokenRequestException extends RuntimeException {

	private final HttpStatus status;

	InvalidTokenRequestException(HttpStatus status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	HttpStatus getStatus() {
		return this.status;
	}

}
