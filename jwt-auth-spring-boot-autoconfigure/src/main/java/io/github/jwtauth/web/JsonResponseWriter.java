package io.github.jwtauth.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

/**
 * Writes the starter's JSON responses straight to the servlet response, with one private
 * converter, so that error bodies have the same shape whether they come from a security
 * filter or an endpoint, and whatever the application did to its own {@code JsonMapper}.
 */
final class JsonResponseWriter {

	private final JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter();

	/**
	 * Write an RFC 9457 problem as {@code application/problem+json}.
	 * @param response the response
	 * @param problem the problem; its status becomes the response status
	 * @throws IOException on a write failure
	 */
	void writeProblem(HttpServletResponse response, ProblemDetail problem) throws IOException {
		write(response, HttpStatus.valueOf(problem.getStatus()), problem, MediaType.APPLICATION_PROBLEM_JSON);
	}

	/**
	 * Write a body as {@code application/json}.
	 * @param response the response
	 * @param status the status
	 * @param body the body
	 * @throws IOException on a write failure
	 */
	void writeJson(HttpServletResponse response, HttpStatus status, Object body) throws IOException {
		write(response, status, body, MediaType.APPLICATION_JSON);
	}

	private void write(HttpServletResponse response, HttpStatus status, Object body, MediaType contentType)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status.value());
		ServletServerHttpResponse output = new ServletServerHttpResponse(response);
		this.converter.write(body, contentType, output);
		output.flush();
	}

}
