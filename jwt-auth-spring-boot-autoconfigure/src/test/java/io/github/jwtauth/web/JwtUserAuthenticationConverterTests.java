package io.github.jwtauth.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.MutableClock;
import io.github.jwtauth.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JwtUserAuthenticationConverterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final AtomicInteger lookups = new AtomicInteger();

	private volatile boolean deleted;

	private final AuthBackend<TestUsers.User> backend = new AuthBackend<>() {

		private final TestUsers users = new TestUsers();

		@Override
		public Optional<TestUsers.User> authenticate(String username, String password) {
			return this.users.authenticate(username, password);
		}

		@Override
		public Optional<TestUsers.User> findById(String id) {
			JwtUserAuthenticationConverterTests.this.lookups.incrementAndGet();
			return JwtUserAuthenticationConverterTests.this.deleted ? Optional.empty() : this.users.findById(id);
		}

		@Override
		public String idOf(TestUsers.User user) {
			return user.id();
		}

	};

	private final Jwt jwt = Jwt.withTokenValue("t")
		.header("alg", "HS256")
		.subject("2")
		.claim("roles", List.of("admin", ""))
		.build();

	private JwtUserAuthenticationConverter<TestUsers.User> converter(JwtUserAuthenticationConverter.Lookup lookup,
			String prefix) {
		return new JwtUserAuthenticationConverter<>(this.backend, prefix, lookup, this.clock, Duration.ofSeconds(30),
				10);
	}

	@Test
	void convertWhenPerRequestThenBackendAskedEveryTimeAndDeletionIsImmediate() {
		var converter = converter(JwtUserAuthenticationConverter.Lookup.PER_REQUEST, "ROLE_");
		AbstractAuthenticationToken token = converter.convert(this.jwt);
		assertThat(token.getPrincipal()).isInstanceOf(TestUsers.User.class);
		assertThat(token.getName()).isEqualTo("2");
		assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_admin");
		converter.convert(this.jwt);
		assertThat(this.lookups).hasValue(2);
		this.deleted = true;
		assertThatExceptionOfType(InvalidBearerTokenException.class).isThrownBy(() -> converter.convert(this.jwt));
	}

	@Test
	void convertWhenCachedThenBackendAskedOncePerTtl() {
		var converter = converter(JwtUserAuthenticationConverter.Lookup.CACHED, "ROLE_");
		converter.convert(this.jwt);
		converter.convert(this.jwt);
		assertThat(this.lookups).hasValue(1);
		this.deleted = true;
		assertThat(converter.convert(this.jwt).getPrincipal()).isInstanceOf(TestUsers.User.class);
		this.clock.advance(Duration.ofSeconds(30));
		assertThatExceptionOfType(InvalidBearerTokenException.class).isThrownBy(() -> converter.convert(this.jwt));
	}

	@Test
	void convertWhenClaimsOnlyThenNoBackendCallAndJwtIsPrincipal() {
		var converter = converter(JwtUserAuthenticationConverter.Lookup.CLAIMS_ONLY, "SCOPE_");
		AbstractAuthenticationToken token = converter.convert(this.jwt);
		assertThat(token.getPrincipal()).isSameAs(this.jwt);
		assertThat(token.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("SCOPE_admin");
		assertThat(this.lookups).hasValue(0);
	}

}
