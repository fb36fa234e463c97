package io.github.jwtauth.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem bodies the starter answers with, each carrying an {@code error}
 * member whose codes follow RFC 6749 §5.2 and RFC 6750 §3.1.
 */
public final class JwtAuthProblems {

	/** Name of the problem member that carries the OAuth-style error code. */
	public static final String ERROR = "error";

	public static final String INVALID_REQUEST = "invalid_request";

	public static final String INVALID_CREDENTIALS = "invalid_credentials";

	public static final String INVALID_GRANT = "invalid_grant";

	public static final String INVALID_TOKEN = "invalid_token";

	public static final String INSUFFICIENT_SCOPE = "insufficient_scope";

	public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

	private JwtAuthProblems() {
	}

	/**
	 * Create a problem with an error code.
	 * @param status the HTTP status
	 * @param error the error code, or {@code null} for none
	 * @param detail the human-readable detail
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, @Nullable String error, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		if (error != null) {
			problem.setProperty(ERROR, error);
		}
		return problem;
	}

	static ProblemDetail invalidRequest(String detail) {
		return of(HttpStatus.BAD_REQUEST, INVALID_REQUEST, detail);
	}

	static ProblemDetail invalidCredentials() {
		return of(HttpStatus.UNAUTHORIZED, INVALID_CREDENTIALS, "The username or password is incorrect");
	}

	static ProblemDetail invalidGrant(String detail) {
		return of(HttpStatus.UNAUTHORIZED, INVALID_GRANT, detail);
	}

	static ProblemDetail temporarilyUnavailable() {
		return of(HttpStatus.SERVICE_UNAVAILABLE, TEMPORARILY_UNAVAILABLE,
				"Authentication is temporarily unavailable; try again later");
	}

}
