package io.github.jwtauth.web;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.Transient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * An authenticated access token whose principal is the user record the
 * {@link io.github.jwtauth.AuthBackend} found for its {@code sub}, so that
 * {@code @AuthenticationPrincipal MyUser user} works in handlers. Its name is the
 * {@code sub}; its credentials are the verified {@link Jwt}.
 *
 * @param <U> the user type
 */
@Transient
public final class JwtUserAuthenticationToken<U> extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

	private static final long serialVersionUID = 1L;

	private final String name;

	public JwtUserAuthenticationToken(Jwt jwt, U user, Collection<? extends GrantedAuthority> authorities) {
		// the principal is the user record, or the Jwt itself with jwt.user-lookup=claims-only
		super(jwt, user, jwt, authorities);
		this.name = jwt.getSubject();
		setAuthenticated(true);
	}

	@Override
	public Map<String, Object> getTokenAttributes() {
		return getToken().getClaims();
	}

	@Override
	public String getName() {
		return this.name;
	}

	/**
	 * Return the user record.
	 * @return the user
	 */
	@SuppressWarnings("unchecked")
	public U getUser() {
		return (U) getPrincipal();
	}

}
