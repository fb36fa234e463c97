package io.github.jwtauth.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A Tomcat {@link ErrorReportValve} that answers errors raised by Tomcat itself, before any
 * servlet runs (an oversized header, a malformed request line), with an RFC 9457 problem
 * instead of an HTML page, so that an API client sees one error format whatever failed.
 */
public final class ProblemDetailErrorReportValve extends ErrorReportValve {

	private final JsonResponseWriter writer = new JsonResponseWriter();

	public ProblemDetailErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus httpStatus = HttpStatus.resolve(status);
		if (httpStatus == null) {
			return;
		}
		String error = httpStatus.is4xxClientError() ? JwtAuthProblems.INVALID_REQUEST : null;
		ProblemDetail problem = JwtAuthProblems.of(httpStatus, error,
				httpStatus.is4xxClientError() ? "The server could not read the request" : "The request failed");
		try {
			response.setSuspended(false);
			response.resetBuffer();
			this.writer.writeProblem(response, problem);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is committed: nothing more can be said.
		}
	}

}
