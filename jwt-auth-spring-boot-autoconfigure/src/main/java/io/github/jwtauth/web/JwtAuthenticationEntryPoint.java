package io.github.jwtauth.web;

import java.io.IOException;

import io.github.jwtauth.AuthBackendUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;

/**
 * Answers a request that failed bearer-token authentication with the RFC 6750 §3 challenge
 * and an RFC 9457 problem body.
 * <p>
 * No credentials get a bare {@code WWW-Authenticate: Bearer} (RFC 6750 §3.1: no error code);
 * a bad token gets {@code error="invalid_token"} with a description; a failing backend gets
 * 503 without a challenge, since the client's credentials were never judged.
 */
public final class JwtAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private static final Log logger = LogFactory.getLog(JwtAuthenticationEntryPoint.class);

	private final JsonResponseWriter writer = new JsonResponseWriter();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof AuthBackendUnavailableException) {
			this.writer.writeProblem(response, instance(JwtAuthProblems.temporarilyUnavailable(), request));
			return;
		}
		if (authException instanceof OAuth2AuthenticationException oauth2) {
			OAuth2Error error = oauth2.getError();
			HttpStatus status = (error instanceof BearerTokenError bearer) ? bearer.getHttpStatus()
					: HttpStatus.UNAUTHORIZED;
			String description = describe(oauth2);
			logger.debug("Bearer token rejected: " + description);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(error.getErrorCode(), description));
			this.writer.writeProblem(response,
					instance(JwtAuthProblems.of(status, error.getErrorCode(), description), request));
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		this.writer.writeProblem(response, instance(JwtAuthProblems.of(HttpStatus.UNAUTHORIZED, null,
				"An access token is required: send 'Authorization: Bearer <token>'"), request));
	}

	/**
	 * Describe why a token was refused in our own words: the decoder's messages may quote
	 * parts of the presented token, and clients deserve the same wording whatever the cause.
	 * Validation failures (expiry, not-before, issued-at) keep their validator's words.
	 */
	private static String describe(OAuth2AuthenticationException ex) {
		OAuth2Error error = ex.getError();
		if (!JwtAuthProblems.INVALID_TOKEN.equals(error.getErrorCode())) {
			return StringUtils.hasText(error.getDescription()) ? error.getDescription() : "The request is invalid";
		}
		Throwable cause = ex.getCause();
		if (cause instanceof JwtValidationException validation) {
			StringBuilder description = new StringBuilder();
			for (OAuth2Error failure : validation.getErrors()) {
				if (StringUtils.hasText(failure.getDescription())) {
					description.append(description.isEmpty() ? "" : "; ").append(failure.getDescription());
				}
			}
			return description.isEmpty() ? "The token failed validation" : description.toString();
		}
		if (cause instanceof BadJwtException) {
			String message = String.valueOf(cause.getMessage());
			if (message.contains("Invalid signature")) {
				return "The token signature is invalid";
			}
			if (message.contains("no matching key")) {
				return "The token is not signed with the expected algorithm or a known key";
			}
			if (message.contains("algorithm") || message.contains("JWS")) {
				return "The token is not signed with the expected algorithm";
			}
			return "The token is malformed";
		}
		return StringUtils.hasText(error.getDescription()) ? error.getDescription() : "The access token is invalid";
	}

	/**
	 * Build an RFC 6750 §3 challenge. Descriptions are ours or Spring Security's and hold
	 * only RFC 6750 {@code error_description} characters; quotes and backslashes are dropped
	 * anyway so that the header can never be broken.
	 * @param errorCode the error code
	 * @param description the description
	 * @return the header value
	 */
	static String challenge(String errorCode, String description) {
		return "Bearer error=\"" + errorCode + "\", error_description=\"" + headerSafe(description) + "\"";
	}

	private static String headerSafe(String value) {
		StringBuilder safe = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') {
				safe.append(c);
			}
		}
		return safe.toString();
	}

	static ProblemDetail instance(ProblemDetail problem, HttpServletRequest request) {
		problem.setInstance(java.net.URI.create(safePath(request)));
		return problem;
	}

	private static String safePath(HttpServletRequest request) {
		String uri = request.getRequestURI();
		try {
			java.net.URI.create(uri);
			return uri;
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

}
