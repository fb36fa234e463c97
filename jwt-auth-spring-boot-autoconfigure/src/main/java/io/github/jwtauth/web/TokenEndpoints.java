package io.github.jwtauth.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.AuthBackendUnavailableException;
import io.github.jwtauth.JwtAuthRequired;
import io.github.jwtauth.refresh.InvalidRefreshTokenException;
import io.github.jwtauth.refresh.TokenRevoker;
import io.github.jwtauth.token.GuardedAuthBackend;
import io.github.jwtauth.token.JwtTokenService;
import io.github.jwtauth.token.TokenPair;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The login and refresh endpoints (bottle-jwt's {@code auth_endpoint} and the refresh
 * endpoint of its unmerged PR #19), as a controller bean (never component-scanned) mapped
 * at {@code jwt.endpoints.auth} and {@code jwt.endpoints.refresh}. A controller rather than
 * a router function because Spring MVC's router mapping answers 500 to any request whose
 * {@code Content-Type} is a wildcard, and would do so for every path of the application.
 * <p>
 * Success answers an OAuth-style token response with {@code Cache-Control: no-store}
 * (RFC 6749 §5.1); failures answer RFC 9457 problems: 400/413 {@code invalid_request},
 * 401 {@code invalid_credentials} (one answer for an unknown user and a wrong password),
 * 401 {@code invalid_grant} for a bad refresh token, 503 {@code temporarily_unavailable}.
 *
 * @param <U> the user type
 */
@RestController
public final class TokenEndpoints<U> {

	/** Name of the refresh token field. */
	public static final String REFRESH_TOKEN_FIELD = "refresh_token";

	private static final Log logger = LogFactory.getLog(TokenEndpoints.class);

	private final AuthBackend<U> backend;

	private final JwtTokenService<U> tokens;

	private final TokenRevoker revoker;

	private final String usernameField;

	private final String passwordField;

	private final TokenRequestReader reader = new TokenRequestReader();

	private final JsonResponseWriter writer = new JsonResponseWriter();

	public TokenEndpoints(AuthBackend<U> backend, JwtTokenService<U> tokens, TokenRevoker revoker,
			String usernameField, String passwordField) {
		Assert.notNull(backend, "backend cannot be null");
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(revoker, "revoker cannot be null");
		Assert.hasText(usernameField, "usernameField cannot be empty");
		Assert.hasText(passwordField, "passwordField cannot be empty");
		this.backend = new GuardedAuthBackend<>(backend);
		this.tokens = tokens;
		this.revoker = revoker;
		this.usernameField = usernameField;
		this.passwordField = passwordField;
	}

	/**
	 * The login endpoint.
	 * @param request the request
	 * @param response the response
	 * @throws IOException on a write failure
	 */
	@RequestMapping("${jwt.endpoints.auth:/auth}")
	public void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
		respond(request, response, this::login);
	}

	/**
	 * The refresh endpoint.
	 * @param request the request
	 * @param response the response
	 * @throws IOException on a write failure
	 */
	@RequestMapping("${jwt.endpoints.refresh:/auth/refresh}")
	public void refresh(HttpServletRequest request, HttpServletResponse response) throws IOException {
		respond(request, response, this::refresh);
	}

	/**
	 * The logout endpoint: revokes the presented access token and its session (refresh-token
	 * family). Answers 204.
	 * @param request the request
	 * @param response the response
	 * @param authentication the caller, authenticated by an access token
	 * @throws IOException on a write failure
	 */
	@RequestMapping("${jwt.endpoints.logout:/auth/logout}")
	@JwtAuthRequired
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		respondNoContent(request, response, () -> {
			if (!(authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token)
					|| !(token.getToken() instanceof Jwt jwt)) {
				throw new InvalidTokenRequestException(HttpStatus.BAD_REQUEST, "Logout needs an access token");
			}
			this.revoker.revokeSession(jwt);
		});
	}

	/**
	 * The logout-everywhere endpoint: revokes every token of the caller issued so far.
	 * Answers 204.
	 * @param request the request
	 * @param response the response
	 * @param authentication the caller, authenticated by an access token
	 * @throws IOException on a write failure
	 */
	@RequestMapping("${jwt.endpoints.logout-all:/auth/logout-all}")
	@JwtAuthRequired
	public void logoutAll(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		respondNoContent(request, response, () -> this.revoker.revokeAll(authentication.getName()));
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

	private void respond(HttpServletRequest request, HttpServletResponse response, TokenAction action)
			throws IOException {
		// Token responses and errors alike must never be cached (RFC 6749 §5.1).
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		if (!HttpMethod.POST.matches(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
			writeProblem(request, response, JwtAuthProblems.of(HttpStatus.METHOD_NOT_ALLOWED,
					JwtAuthProblems.INVALID_REQUEST, "Use POST"));
			return;
		}
		ProblemDetail problem;
		try {
			TokenResponse body = TokenResponse.of(action.apply(request));
			this.writer.writeJson(response, HttpStatus.OK, body);
			return;
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
		writeProblem(request, response, problem);
	}

	private void respondNoContent(HttpServletRequest request, HttpServletResponse response, Runnable action)
			throws IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (!HttpMethod.POST.matches(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
			writeProblem(request, response, JwtAuthProblems.of(HttpStatus.METHOD_NOT_ALLOWED,
					JwtAuthProblems.INVALID_REQUEST, "Use POST"));
			return;
		}
		try {
			action.run();
			response.setStatus(HttpStatus.NO_CONTENT.value());
		}
		catch (InvalidTokenRequestException ex) {
			writeProblem(request, response,
					JwtAuthProblems.of(ex.getStatus(), JwtAuthProblems.INVALID_REQUEST, ex.getMessage()));
		}
		catch (AuthBackendUnavailableException ex) {
			writeProblem(request, response, JwtAuthProblems.temporarilyUnavailable());
		}
	}

	private void writeProblem(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		this.writer.writeProblem(response, JwtAuthenticationEntryPoint.instance(problem, request));
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
