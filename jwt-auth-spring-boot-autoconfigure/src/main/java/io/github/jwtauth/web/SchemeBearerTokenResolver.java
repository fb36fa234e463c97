package io.github.jwtauth.web;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;

/**
 * A {@link BearerTokenResolver} that reads {@code Authorization: <scheme> <token>} for any of
 * the configured schemes, case-insensitively (RFC 9110 §11.1), so that both RFC 6750's
 * {@code Bearer} and bottle-jwt's {@code JWT} work.
 * <p>
 * A malformed header is refused only where a token is required: elsewhere it is ignored and
 * the request proceeds anonymously, as bottle-jwt did, so that an old token in a browser
 * never breaks a public page. Tokens are never read from query or form parameters.
 */
public final class SchemeBearerTokenResolver implements BearerTokenResolver {

	/** Longest token accepted, far above any token this starter issues. */
	static final int MAX_TOKEN_LENGTH = 8 * 1024;

	private final List<String> schemes;

	private final RequestMatcher protectedRequests;

	public SchemeBearerTokenResolver(List<String> schemes, RequestMatcher protectedRequests) {
		Assert.notEmpty(schemes, "schemes cannot be empty");
		Assert.notNull(protectedRequests, "protectedRequests cannot be null");
		this.schemes = schemes.stream().map((scheme) -> scheme.trim().toLowerCase(Locale.ROOT)).toList();
		this.protectedRequests = protectedRequests;
	}

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		try {
			return resolveFromHeader(request);
		}
		catch (OAuth2AuthenticationException ex) {
			if (this.protectedRequests.matches(request)) {
				throw ex;
			}
			return null;
		}
	}

	private @Nullable String resolveFromHeader(HttpServletRequest request) {
		Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
		if (headers == null || !headers.hasMoreElements()) {
			return null;
		}
		String authorization = headers.nextElement();
		if (headers.hasMoreElements()) {
			throw new OAuth2AuthenticationException(
					BearerTokenErrors.invalidRequest("Found more than one Authorization header"));
		}
		int space = authorization.indexOf(' ');
		if (!isOurScheme(authorization, (space < 0) ? authorization.length() : space)) {
			// Another scheme (Basic, say) is not ours to judge: treat it as no bearer token.
			return null;
		}
		String token = (space < 0) ? "" : authorization.substring(space + 1);
		if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !isB64Token(token)) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("The token is malformed"));
		}
		return token;
	}

	/**
	 * Whether the header's first {@code length} characters are one of the schemes, ASCII
	 * case-insensitively (a scheme is an RFC 9110 token), compared in place: it runs per request.
	 */
	private boolean isOurScheme(String authorization, int length) {
		for (String scheme : this.schemes) {
			if (scheme.length() == length && startsWithIgnoringAsciiCase(authorization, scheme)) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWithIgnoringAsciiCase(String value, String lowerCasePrefix) {
		for (int i = 0; i < lowerCasePrefix.length(); i++) {
			char c = value.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + ('a' - 'A'));
			}
			if (c != lowerCasePrefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a value is an RFC 6750 §2.1 {@code b64token}.
	 */
	private static boolean isB64Token(String token) {
		int length = token.length();
		int end = length;
		while (end > 0 && token.charAt(end - 1) == '=') {
			end--;
		}
		if (end == 0) {
			return false;
		}
		for (int i = 0; i < end; i++) {
			char c = token.charAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
