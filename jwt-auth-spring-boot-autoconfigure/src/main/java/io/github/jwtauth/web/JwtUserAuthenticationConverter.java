package io.github.jwtauth.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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
 * in the {@link AuthBackend}: on every request by default, so that a deleted or disabled user
 * is locked out at once rather than when the token expires; or from a bounded cache; or not
 * at all (claims only), with the {@link Jwt} as principal.
 * <p>
 * Authorities come from the token's {@code roles} claim (the backend's roles when it was
 * issued), each with a configurable prefix ({@code ROLE_} by default), so that
 * {@code hasRole('admin')} and {@code @JwtAuthRequired(roles = "admin")} work. Revoke the
 * user's tokens when their roles change.
 *
 * @param <U> the user type
 */
public final class JwtUserAuthenticationConverter<U> implements Converter<Jwt, AbstractAuthenticationToken> {

	/** Where the user of a token comes from. */
	public enum Lookup {

		/** Ask the backend on every request. */
		PER_REQUEST,

		/** Reuse the backend's answer for a bounded time. */
		CACHED,

		/** Never ask; the principal is the verified {@link Jwt}. */
		CLAIMS_ONLY

	}

	private final AuthBackend<U> backend;

	private final String authorityPrefix;

	private final Lookup lookup;

	private final Clock clock;

	private final long cacheTtlMillis;

	private final int cacheMaxEntries;

	private final ConcurrentMap<String, CachedUser<U>> users = new ConcurrentHashMap<>();

	public JwtUserAuthenticationConverter(AuthBackend<U> backend) {
		this(backend, "ROLE_", Lookup.PER_REQUEST, Clock.systemUTC(), Duration.ofSeconds(30), 1);
	}

	/**
	 * Create a converter.
	 * @param backend the backend
	 * @param authorityPrefix the prefix of authorities made from the roles claim
	 * @param lookup where the user comes from
	 * @param clock the clock, for the user cache
	 * @param cacheTtl how long a cached user is reused
	 * @param cacheMaxEntries most users cached
	 */
	public JwtUserAuthenticationConverter(AuthBackend<U> backend, String authorityPrefix, Lookup lookup, Clock clock,
			Duration cacheTtl, int cacheMaxEntries) {
		Assert.notNull(backend, "backend cannot be null");
		Assert.notNull(authorityPrefix, "authorityPrefix cannot be null");
		Assert.notNull(lookup, "lookup cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(cacheMaxEntries > 0, "cacheMaxEntries must be positive");
		this.backend = new GuardedAuthBackend<>(backend);
		this.authorityPrefix = authorityPrefix;
		this.lookup = lookup;
		this.clock = clock;
		this.cacheTtlMillis = cacheTtl.toMillis();
		this.cacheMaxEntries = cacheMaxEntries;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String subject = jwt.getSubject();
		if (subject == null || subject.isEmpty()) {
			throw new InvalidBearerTokenException("The token has no subject");
		}
		List<GrantedAuthority> authorities = authorities(jwt.getClaim(JwtTokenService.ROLES_CLAIM));
		if (this.lookup == Lookup.CLAIMS_ONLY) {
			return new JwtUserAuthenticationToken<>(jwt, jwt, authorities);
		}
		return new JwtUserAuthenticationToken<>(jwt, findUser(subject), authorities);
	}

	private U findUser(String subject) {
		if (this.lookup != Lookup.CACHED) {
			return this.backend.findById(subject)
				.orElseThrow(() -> new InvalidBearerTokenException("The user of this token no longer exists"));
		}
		long now = this.clock.millis();
		CachedUser<U> cached = this.users.get(subject);
		if (cached != null && now < cached.validUntil()) {
			return cached.user();
		}
		U user = this.backend.findById(subject)
			.orElseThrow(() -> new InvalidBearerTokenException("The user of this token no longer exists"));
		if (this.users.size() >= this.cacheMaxEntries) {
			this.users.values().removeIf((entry) -> now >= entry.validUntil());
			if (this.users.size() >= this.cacheMaxEntries) {
				this.users.clear();
			}
		}
		this.users.put(subject, new CachedUser<>(user, now + this.cacheTtlMillis));
		return user;
	}

	private record CachedUser<U>(U user, long validUntil) {
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
