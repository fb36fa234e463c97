package io.github.jwtauth.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers an authenticated request that lacks a required authority with
 * {@code 403 insufficient_scope} (RFC 6750 §3.1) and a problem body.
 */
public final class JwtAccessDeniedHandler implements AccessDeniedHandler {

	private final JsonResponseWriter writer = new JsonResponseWriter();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		String description = "The access token does not grant access to this resource";
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				JwtAuthenticationEntryPoint.challenge(JwtAuthProblems.INSUFFICIENT_SCOPE, description));
		this.writer.writeProblem(response, JwtAuthenticationEntryPoint.instance(
				JwtAuthProblems.of(HttpStatus.FORBIDDEN, JwtAuthProblems.INSUFFICIENT_SCOPE, description), request));
	}

}
