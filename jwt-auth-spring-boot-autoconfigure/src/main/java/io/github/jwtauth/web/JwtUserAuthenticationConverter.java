package io.github.jwtauth.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.token.GuardedAuthBackend;
import io.github.jwtauth.token.JwtTokenService;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.util.Assert;

/**
 * Turns a verified {@link Jwt} into a {@link JwtUserAuthenticationToken} by finding its user
 * in the {@link AuthBackend} on every request, so that a deleted or disabled user is locked
 * out at once rather than when the token expires.
 * <p>
 * Authorities come from the token's {@code roles} claim (the backend's roles when it was
 * issued), each with a configurable prefix ({@code ROLE_} by default), so that
 * {@code hasRole('admin')} and {@code @JwtAuthRequired(roles = "admin")} work. Revoke the
 * user's tokens when their roles change.
 *
 * @param <U> the user type
 */
public final class JwtUserAuthenticationConverter<U> implements Converter<Jwt, AbstractAuthenticationToken> {

	private final AuthBackend<U> backend;

	private final String authorityPrefix;

	public JwtUserAuthenticationConverter(AuthBackend<U> backend) {
		this(backend, "ROLE_");
	}

	public JwtUserAuthenticationConverter(AuthBackend<U> backend, String authorityPrefix) {
		Assert.notNull(backend, "backend cannot be null");
		Assert.notNull(authorityPrefix, "authorityPrefix cannot be null");
		this.backend = new GuardedAuthBackend<>(backend);
		this.authorityPrefix = authorityPrefix;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String subject = jwt.getSubject();
		if (subject == null || subject.isEmpty()) {
			throw new InvalidBearerTokenException("The token has no subject");
		}
		U user = this.backend.findById(subject)
			.orElseThrow(() -> new InvalidBearerTokenException("The user of this token no longer exists"));
		return new JwtUserAuthenticationToken<>(jwt, user, authorities(jwt.getClaim(JwtTokenService.ROLES_CLAIM)));
	}

	private List<GrantedAuthority> authorities(Object roles) {
		if (!(roles instanceof Collection<?> values)) {
			return List.of();
		}
		List<GrantedAuthority> authorities = new ArrayList<>(values.size());
		for (Object role : values) {
			if (role instanceof String name && !name.isBlank()) {
				authorities.add(new SimpleGrantedAuthority(this.authorityPrefix + name));
			}
		}
		return authorities;
	}

}
