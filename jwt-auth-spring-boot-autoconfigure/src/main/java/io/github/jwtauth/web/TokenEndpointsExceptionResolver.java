package io.github.jwtauth.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a multipart body sent to the login or refresh endpoint with
 * {@code 400 invalid_request}. Spring MVC parses multipart bodies before any handler runs
 * and would otherwise answer a malformed one with a 500. Other paths are left alone.
 */
public final class TokenEndpointsExceptionResolver implements HandlerExceptionResolver, Ordered {

	private final RequestMatcher endpoints;

	private final JsonResponseWriter writer = new JsonResponseWriter();

	public TokenEndpointsExceptionResolver(RequestMatcher endpoints) {
		Assert.notNull(endpoints, "endpoints cannot be null");
		this.endpoints = endpoints;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof MultipartException) || !this.endpoints.matches(request)) {
			return null;
		}
		try {
			this.writer.writeProblem(response, JwtAuthenticationEntryPoint.instance(JwtAuthProblems.invalidRequest(
					"Send the body as application/json or application/x-www-form-urlencoded"), request));
		}
		catch (IOException writeFailure) {
			// The client is gone; the status is all it could have had.
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
