package io.github.jwtauth.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.token.GuardedAuthBackend;

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
 * Authorities are the backend's current roles with the {@code ROLE_} prefix.
 *
 * @param <U> the user type
 */
public final class JwtUserAuthenticationConverter<U> implements Converter<Jwt, AbstractAuthenticationToken> {

	private static final String ROLE_PREFIX = "ROLE_";

	private final AuthBackend<U> backend;

	public JwtUserAuthenticationConverter(AuthBackend<U> backend) {
		Assert.notNull(backend, "backend cannot be null");
		this.backend = new GuardedAuthBackend<>(backend);
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String subject = jwt.getSubject();
		if (subject == null || subject.isEmpty()) {
			throw new InvalidBearerTokenException("The token has no subject");
		}
		U user = this.backend.findById(subject)
			.orElseThrow(() -> new InvalidBearerTokenException("The user of this token no longer exists"));
		return new JwtUserAuthenticationToken<>(jwt, user, authorities(this.backend.rolesOf(user)));
	}

	private static List<GrantedAuthority> authorities(Collection<String> roles) {
		List<GrantedAuthority> authorities = new ArrayList<>(roles.size());
		for (String role : roles) {
			if (role == null || role.isBlank()) {
				continue;
			}
			authorities.add(new SimpleGrantedAuthority(role.startsWith(ROLE_PREFIX) ? role : ROLE_PREFIX + role));
		}
		return authorities;
	}

}
