package io.github.jwtauth.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;

/**
 * Chooses how a bearer token is authenticated: strictly (any failure answers 401 or 503)
 * where a token is required, leniently elsewhere, where a token that fails leaves the
 * request anonymous, as bottle-jwt ignored stale tokens on open routes.
 * <p>
 * Both use Spring Security's {@link JwtAuthenticationProvider}, so open routes still see
 * the user of a valid token, and an application's own URL rules can judge its roles.
 */
public final class JwtAuthenticationManagerResolver implements AuthenticationManagerResolver<HttpServletRequest> {

	private final RequestMatcher protectedRequests;

	private final AuthenticationManager strict;

	private final AuthenticationManager lenient;

	public JwtAuthenticationManagerResolver(RequestMatcher protectedRequests, JwtDecoder decoder,
			Converter<Jwt, ? extends AbstractAuthenticationToken> converter) {
		Assert.notNull(protectedRequests, "protectedRequests cannot be null");
		Assert.notNull(decoder, "decoder cannot be null");
		Assert.notNull(converter, "converter cannot be null");
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(converter);
		this.protectedRequests = protectedRequests;
		this.strict = new ProviderManager(provider);
		AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken(UUID.randomUUID().toString(),
				"anonymousUser", List.copyOf(AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		this.lenient = (authentication) -> {
			try {
				return this.strict.authenticate(authentication);
			}
			catch (AuthenticationException ex) {
				return anonymous;
			}
		};
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		return this.protectedRequests.matches(request) ? this.strict : this.lenient;
	}

}
