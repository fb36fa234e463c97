package io.github.jwtauth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.AuthBackendUnavailableException;
import io.github.jwtauth.MutableClock;
import io.github.jwtauth.TestUsers;
import io.github.jwtauth.refresh.InMemoryTokenStore;
import io.github.jwtauth.refresh.TokenRevoker;
import io.github.jwtauth.refresh.InvalidRefreshTokenException;
import io.github.jwtauth.refresh.RefreshTokenService;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JwtTokenServiceTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final javax.crypto.SecretKey secret = new javax.crypto.spec.SecretKeySpec(
			"0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256");

	private final TestUsers users = new TestUsers();

	private JwtTokenService<TestUsers.User> service(AuthBackend<TestUsers.User> backend) {
		NimbusJwtEncoder encoder = NimbusJwtEncoder.withSecretKey(this.secret)
			.algorithm(MacAlgorithm.HS256)
			.build();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(this.secret).build();
		decoder.setJwtValidator((jwt) -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
		InMemoryTokenStore store = new InMemoryTokenStore(this.clock, 1000);
		RefreshTokenService refresh = new RefreshTokenService(store, this.clock, Duration.ofDays(1), Duration.ZERO,
				new TokenRevoker(store, this.clock, Duration.ofDays(1)));
		return new JwtTokenService<>(backend, encoder, new CanonicalJwtDecoder(decoder), refresh, this.clock,
				Duration.ofMinutes(5));
	}

	@Test
	void issueWhenUserHasRolesThenClaimsCarryIdRolesAndTimes() {
		TestUsers.User pav = this.users.authenticate("pav", "123").orElseThrow();
		TokenPair pair = service(this.users).issue(pav);
		Jwt jwt = service(this.users).decode(pair.accessToken());
		assertThat(jwt.getSubject()).isEqualTo("1");
		assertThat(jwt.getIssuedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(jwt.getExpiresAt()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
		assertThat(jwt.getId()).isNotBlank();
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("user");
		assertThat(jwt.getClaimAsString("sid")).isNotBlank();
		assertThat(jwt.getClaims()).doesNotContainKey("password");
		assertThat(pair.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
		assertThat(pair.refreshTokenTtl()).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void issueWhenUserHasNoRolesThenNoRolesClaim() {
		TestUsers.User max = this.users.authenticate("max", "789").orElseThrow();
		JwtTokenService<TestUsers.User> service = service(this.users);
		assertThat(service.decode(service.issue(max).accessToken()).getClaims()).doesNotContainKey("roles");
	}

	@Test
	void issueWhenCalledTwiceInOneSecondThenTokensDiffer() {
		TestUsers.User pav = this.users.authenticate("pav", "123").orElseThrow();
		JwtTokenService<TestUsers.User> service = service(this.users);
		assertThat(service.issue(pav).accessToken()).isNotEqualTo(service.issue(pav).accessToken());
	}

	@Test
	void refreshWhenValidThenNewPairAndOldRefreshTokenDead() {
		JwtTokenService<TestUsers.User> service = service(this.users);
		TokenPair first = service.issue(this.users.authenticate("ama", "456").orElseThrow());
		TokenPair second = service.refresh(first.refreshToken());
		assertThat(service.decode(second.accessToken()).getSubject()).isEqualTo("2");
		assertThat(service.decode(second.accessToken()).getClaimAsString("sid"))
			.isEqualTo(service.decode(first.accessToken()).getClaimAsString("sid"));
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> service.refresh(first.refreshToken()));
	}

	@Test
	void refreshWhenUserGoneThenInvalidRefreshToken() {
		TestUsers.User pav = this.users.authenticate("pav", "123").orElseThrow();
		AuthBackend<TestUsers.User> forgetful = new Forgetful(this.users);
		JwtTokenService<TestUsers.User> service = service(forgetful);
		TokenPair pair = service.issue(pav);
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> service.refresh(pair.refreshToken()))
			.withMessageContaining("no longer exists");
	}

	@Test
	void refreshWhenBackendThrowsThenUnavailable() {
		TestUsers.User pav = this.users.authenticate("pav", "123").orElseThrow();
		JwtTokenService<TestUsers.User> service = service(new Broken(this.users));
		TokenPair pair = service.issue(pav);
		assertThatExceptionOfType(AuthBackendUnavailableException.class)
			.isThrownBy(() -> service.refresh(pair.refreshToken()));
	}

	@Test
	void toStringWhenPrintedThenNoTokens() {
		TokenPair pair = service(this.users).issue(this.users.authenticate("pav", "123").orElseThrow());
		assertThat(pair.toString()).doesNotContain(pair.accessToken()).doesNotContain(pair.refreshToken());
	}

	private record Forgetful(TestUsers users) implements AuthBackend<TestUsers.User> {

		@Override
		public Optional<TestUsers.User> authenticate(String username, String password) {
			return this.users.authenticate(username, password);
		}

		@Override
		public Optional<TestUsers.User> findById(String id) {
			return Optional.empty();
		}

		@Override
		public String idOf(TestUsers.User user) {
			return user.id();
		}

	}

	private record Broken(TestUsers users) implements AuthBackend<TestUsers.User> {

		@Override
		public Optional<TestUsers.User> authenticate(String username, String password) {
			return this.users.authenticate(username, password);
		}

		@Override
		public Optional<TestUsers.User> findById(String id) {
			throw new IllegalStateException("down");
		}

		@Override
		public String idOf(TestUsers.User user) {
			return user.id();
		}

		@Override
		public List<String> rolesOf(TestUsers.User user) {
			return List.of();
		}

	}

}
