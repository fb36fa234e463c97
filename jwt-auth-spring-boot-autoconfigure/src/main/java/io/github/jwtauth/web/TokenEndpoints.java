package io.github.jwtauth.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.AuthBackendUnavailableException;
import io.github.jwtauth.refresh.InvalidRefreshTokenException;
import io.github.jwtauth.token.GuardedAuthBackend;
import io.github.jwtauth.token.JwtTokenService;
import io.github.jwtauth.token.TokenPair;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.Assert;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The login and refresh endpoints (bottle-jwt's {@code auth_endpoint} and the refresh
 * endpoint of its unmerged PR #19), as a {@link RouterFunction} at configured paths.
 * <p>
 * Success answers an OAuth-style token response with {@code Cache-Control: no-store}
 * (RFC 6749 §5.1); failures answer RFC 9457 problems: 400/413 {@code invalid_request},
 * 401 {@code invalid_credentials} (one answer for an unknown user and a wrong password),
 * 401 {@code invalid_grant} for a bad refresh token, 503 {@code temporarily_unavailable}.
 *
 * @param <U> the user type
 */
public final class TokenEndpoints<U> {

	/** Name of the refresh token field. */
	public static final String REFRESH_TOKEN_FIELD = "refresh_token";

	private static final Log logger = LogFactory.getLog(TokenEndpoints.class);

	private final AuthBackend<U> backend;

	private final JwtTokenService<U> tokens;

	private final String usernameField;

	private final String passwordField;

	private final TokenRequestReader reader = new TokenRequestReader();

	private final JsonResponseWriter writer = new JsonResponseWriter();

	public TokenEndpoints(AuthBackend<U> backend, JwtTokenService<U> tokens, String usernameField,
			String passwordField) {
		Assert.notNull(backend, "backend cannot be null");
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.hasText(usernameField, "usernameField cannot be empty");
		Assert.hasText(passwordField, "passwordField cannot be empty");
		this.backend = new GuardedAuthBackend<>(backend);
		this.tokens = tokens;
		this.usernameField = usernameField;
		this.passwordField = passwordField;
	}

	/**
	 * Route {@code POST loginPath} and {@code POST refreshPath} to this object.
	 * @param loginPath the login path
	 * @param refreshPath the refresh path
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routes(String loginPath, String refreshPath) {
		return RouterFunctions.route()
			.POST(loginPath, (request) -> respond(request, this::login))
			.POST(refreshPath, (request) -> respond(request, this::refresh))
			.route(RequestPredicates.path(loginPath).or(RequestPredicates.path(refreshPath)),
					this::methodNotAllowed)
			.build();
	}

	private TokenPair login(HttpServletRequest request) {
		Map<String, String> fields = this.reader.read(request, List.of(this.usernameField, this.passwordField));
		Optional<U> user = this.backend.authenticate(fields.get(this.usernameField), fields.get(this.passwordField));
		if (user.isEmpty()) {
			logger.debug("Login refused: invalid credentials");
			throw new InvalidCredentials();
		}
		return this.tokens.issue(user.get());
	}

	private TokenPair refresh(HttpServletRequest request) {
		Map<String, String> fields = this.reader.read(request, List.of(REFRESH_TOKEN_FIELD));
		return this.tokens.refresh(fields.get(REFRESH_TOKEN_FIELD));
	}

	private ServerResponse respond(ServerRequest request, TokenAction action) {
		HttpServletRequest servletRequest = request.servletRequest();
		ProblemDetail problem;
		try {
			TokenResponse body = TokenResponse.of(action.apply(servletRequest));
			return noStore(ServerResponse.ok())
				.build((req, res) -> write(res, body));
		}
		catch (InvalidTokenRequestException ex) {
			problem = JwtAuthProblems.of(ex.getStatus(), JwtAuthProblems.INVALID_REQUEST, ex.getMessage());
		}
		catch (InvalidCredentials ex) {
			problem = JwtAuthProblems.invalidCredentials();
		}
		catch (InvalidRefreshTokenException ex) {
			logger.debug("Refresh refused: " + ex.getMessage());
			problem = JwtAuthProblems.invalidGrant(ex.getMessage());
		}
		catch (AuthBackendUnavailableException ex) {
			problem = JwtAuthProblems.temporarilyUnavailable();
		}
		ProblemDetail body = JwtAuthenticationEntryPoint.instance(problem, servletRequest);
		return noStore(ServerResponse.status(problem.getStatus())).build((req, res) -> writeProblem(res, body));
	}

	private ServerResponse methodNotAllowed(ServerRequest request) {
		ProblemDetail body = JwtAuthenticationEntryPoint.instance(JwtAuthProblems.of(HttpStatus.METHOD_NOT_ALLOWED,
				JwtAuthProblems.INVALID_REQUEST, "Use POST"), request.servletRequest());
		return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
			.allow(HttpMethod.POST)
			.build((req, res) -> writeProblem(res, body));
	}

	private static ServerResponse.BodyBuilder noStore(ServerResponse.BodyBuilder builder) {
		return builder.cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache");
	}

	private org.springframework.web.servlet.@org.jspecify.annotations.Nullable ModelAndView write(
			HttpServletResponse response, TokenResponse body) throws IOException {
		this.writer.writeJson(response, HttpStatus.OK, body);
		return null;
	}

	private org.springframework.web.servlet.@org.jspecify.annotations.Nullable ModelAndView writeProblem(
			HttpServletResponse response, ProblemDetail body) throws IOException {
		this.writer.writeProblem(response, body);
		return null;
	}

	@FunctionalInterface
	private interface TokenAction {

		TokenPair apply(HttpServletRequest request);

	}

	private static final class InvalidCredentials extends RuntimeException {

		InvalidCredentials() {
			super(null, null, false, false);
		}

	}

}
