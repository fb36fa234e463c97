package io.github.jwtauth.token;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.github.jwtauth.TestKeys;
import io.github.jwtauth.TestUsers;
import io.github.jwtauth.autoconfigure.JwtAuthAutoConfiguration;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every algorithm round-trips, and an independent library (jjwt) verifies our tokens and
 * mints tokens that we accept: we interoperate, not merely agree with ourselves.
 */
class KeysAndAlgorithmsTests {

	private static final String SECRET_64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JwtAuthAutoConfiguration.class))
		.withBean(TestUsers.class, TestUsers::new);

	/**
	 * One case per algorithm: the properties, the verification key and the signing key as
	 * jjwt needs them, and the jjwt algorithm.
	 */
	record Case(String algorithm, List<String> properties, java.security.Key verifyKey, java.security.Key signKey,
			io.jsonwebtoken.security.SecureDigestAlgorithm<?, ?> jjwtAlgorithm, boolean asymmetric) {

		@Override
		public String toString() {
			return this.algorithm;
		}

	}

	static Stream<Case> cases() {
		KeyPair rsa = TestKeys.rsa(2048);
		KeyPair rsaPss = TestKeys.rsa(3072);
		KeyPair p256 = TestKeys.ec("secp256r1");
		KeyPair p384 = TestKeys.ec("secp384r1");
		SecretKey hs256 = new SecretKeySpec(SECRET_64.substring(0, 32).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		SecretKey hs384 = new SecretKeySpec(SECRET_64.substring(0, 48).getBytes(StandardCharsets.UTF_8), "HmacSHA384");
		SecretKey hs512 = new SecretKeySpec(SECRET_64.getBytes(StandardCharsets.UTF_8), "HmacSHA512");
		return Stream.of(
				new Case("HS256", List.of("jwt.secret=" + SECRET_64.substring(0, 32)), hs256, hs256, Jwts.SIG.HS256,
						false),
				new Case("HS384", List.of("jwt.algorithm=HS384", "jwt.secret=" + SECRET_64.substring(0, 48)), hs384,
						hs384, Jwts.SIG.HS384, false),
				new Case("HS512", List.of("jwt.algorithm=HS512", "jwt.secret=" + SECRET_64), hs512, hs512,
						Jwts.SIG.HS512, false),
				new Case("RS256", keys(rsa, null), rsa.getPublic(), rsa.getPrivate(), Jwts.SIG.RS256, true),
				new Case("PS256", keys(rsaPss, "PS256"), rsaPss.getPublic(), rsaPss.getPrivate(), Jwts.SIG.PS256,
						true),
				new Case("ES256", keys(p256, null), p256.getPublic(), p256.getPrivate(), Jwts.SIG.ES256, true),
				new Case("ES384", keys(p384, null), p384.getPublic(), p384.getPrivate(), Jwts.SIG.ES384, true));
	}

	private static List<String> keys(KeyPair pair, String algorithm) {
		List<String> properties = new java.util.ArrayList<>(List.of("jwt.keys[0].id=key-1",
				"jwt.keys[0].private-key=" + TestKeys.privatePem(pair),
				"jwt.keys[0].public-key=" + TestKeys.publicPem(pair)));
		if (algorithm != null) {
			properties.add("jwt.algorithm=" + algorithm);
		}
		return properties;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void tokensWhenIssuedThenVerifiedByOurselvesAndByJjwt(Case testCase) {
		run(testCase, (context) -> {
			JwtTokenService<TestUsers.User> service = context.getBean(JwtTokenService.class);
			String token = service.issue(new TestUsers().authenticate("pav", "123").orElseThrow()).accessToken();
			assertThat(service.decode(token).getSubject()).isEqualTo("1");
			Jws<Claims> parsed = (testCase.verifyKey() instanceof SecretKey secret)
					? Jwts.parser().verifyWith(secret).build().parseSignedClaims(token)
					: Jwts.parser().verifyWith((java.security.PublicKey) testCase.verifyKey()).build()
						.parseSignedClaims(token);
			assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(testCase.algorithm());
			assertThat(parsed.getHeader().getKeyId()).isEqualTo(testCase.asymmetric() ? "key-1" : null);
			assertThat(parsed.getPayload().getSubject()).isEqualTo("1");
			assertThat(parsed.getPayload().get("roles", List.class)).containsExactly("user");
			return null;
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void tokensWhenMintedByJjwtWithTheRightKeyThenAccepted(Case testCase) {
		run(testCase, (context) -> {
			var builder = Jwts.builder()
				.subject("1")
				.issuedAt(new Date())
				.expiration(Date.from(Instant.now().plusSeconds(300)));
			if (testCase.asymmetric()) {
				builder.header().keyId("key-1");
			}
			String token = builder.signWith(testCase.signKey(), (io.jsonwebtoken.security.SecureDigestAlgorithm) testCase.jjwtAlgorithm())
				.compact();
			assertThat(context.getBean(JwtDecoder.class).decode(token).getSubject()).isEqualTo("1");
			return null;
		});
	}

	@Test
	void jwksWhenAsymmetricThenPublicPartsOnly() {
		KeyPair rsa = TestKeys.rsa(2048);
		this.contextRunner.withPropertyValues(keys(rsa, null).toArray(String[]::new)).run((context) -> {
			JwtSigningKeys keys = context.getBean(JwtSigningKeys.class);
			Map<String, Object> jwks = keys.getPublicKeys().toJSONObject();
			assertThat(jwks.toString()).doesNotContain("\"d\"").doesNotContain(", d=");
			assertThat(keys.getPublicKeys().getKeys()).allMatch((jwk) -> !jwk.isPrivate());
			assertThat(keys.getPublicKeys().getKeys().get(0).getKeyID()).isEqualTo("key-1");
		});
	}

	@Test
	void jwksWhenHmacThenNothingPublished() {
		this.contextRunner.withPropertyValues("jwt.secret=" + SECRET_64)
			.run((context) -> assertThat(context.getBean(JwtSigningKeys.class).getPublicKeys().getKeys()).isEmpty());
	}

	@Test
	void rotationWhenOldKeyStillListedThenItsTokensWorkAndWhenRemovedThenRefused() {
		KeyPair next = TestKeys.rsa(2048);
		KeyPair old = TestKeys.rsa(2048);
		String oldToken = Jwts.builder()
			.header()
			.keyId("old")
			.and()
			.subject("1")
			.issuedAt(new Date())
			.expiration(Date.from(Instant.now().plusSeconds(300)))
			.signWith(old.getPrivate(), Jwts.SIG.RS256)
			.compact();
		this.contextRunner
			.withPropertyValues("jwt.keys[0].id=next", "jwt.keys[0].private-key=" + TestKeys.privatePem(next),
					"jwt.keys[1].id=old", "jwt.keys[1].public-key=" + TestKeys.publicPem(old))
			.run((context) -> {
				assertThat(context.getBean(JwtDecoder.class).decode(oldToken).getSubject()).isEqualTo("1");
				assertThat(context.getBean(JwtSigningKeys.class).getSigningKey().getKeyID()).isEqualTo("next");
			});
		this.contextRunner
			.withPropertyValues("jwt.keys[0].id=next", "jwt.keys[0].private-key=" + TestKeys.privatePem(next))
			.run((context) -> assertThatExceptionOfType(JwtException.class)
				.isThrownBy(() -> context.getBean(JwtDecoder.class).decode(oldToken)));
	}

	@Test
	void signingKeyIdWhenSetThenThatKeySigns() {
		KeyPair one = TestKeys.ec("secp256r1");
		KeyPair two = TestKeys.ec("secp256r1");
		this.contextRunner.withPropertyValues("jwt.keys[0].id=one", "jwt.keys[0].private-key=" + TestKeys.privatePem(one),
				"jwt.keys[0].public-key=" + TestKeys.publicPem(one), "jwt.keys[1].id=two",
				"jwt.keys[1].private-key=" + TestKeys.privatePem(two), "jwt.keys[1].public-key=" + TestKeys.publicPem(two),
				"jwt.signing-key-id=two")
			.run((context) -> assertThat(context.getBean(JwtSigningKeys.class).getSigningKey().getKeyID())
				.isEqualTo("two"));
	}

	@Test
	void claimsWhenIssuerAudienceAndCustomizerThenWrittenAndChecked() {
		this.contextRunner
			.withPropertyValues("jwt.secret=" + SECRET_64, "jwt.issuer=https://login.example.com",
					"jwt.audience=orders,billing")
			.withBean(JwtClaimsCustomizer.class, () -> (JwtClaimsCustomizer<TestUsers.User>) (user, claims) -> claims
				.claim("username", user.username())
				.subject("forged")
				.claim("iss", "https://evil.example.com"))
			.run((context) -> {
				@SuppressWarnings("unchecked")
				JwtTokenService<TestUsers.User> service = context.getBean(JwtTokenService.class);
				String token = service.issue(new TestUsers().authenticate("pav", "123").orElseThrow()).accessToken();
				var jwt = service.decode(token);
				assertThat(jwt.getIssuer().toString()).isEqualTo("https://login.example.com");
				assertThat(jwt.getAudience()).containsExactly("orders", "billing");
				assertThat(jwt.getClaimAsString("username")).isEqualTo("pav");
				assertThat(jwt.getSubject()).isEqualTo("1");
				SecretKey key = new SecretKeySpec(SECRET_64.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
				String wrongIssuer = Jwts.builder().issuer("https://evil.example.com").audience().add("orders").and()
					.subject("1").issuedAt(new Date()).expiration(Date.from(Instant.now().plusSeconds(60)))
					.signWith(key, Jwts.SIG.HS256).compact();
				assertThatExceptionOfType(JwtException.class).isThrownBy(() -> service.decode(wrongIssuer))
					.withMessageContaining("iss");
				String wrongAudience = Jwts.builder().issuer("https://login.example.com").audience().add("other").and()
					.subject("1").issuedAt(new Date()).expiration(Date.from(Instant.now().plusSeconds(60)))
					.signWith(key, Jwts.SIG.HS256).compact();
				assertThatExceptionOfType(JwtException.class).isThrownBy(() -> service.decode(wrongAudience))
					.withMessageContaining("aud");
			});
	}

	@Test
	void validatorsWhenDeclaredAsBeansThenApplied() {
		this.contextRunner.withPropertyValues("jwt.secret=" + SECRET_64)
			.withBean("noAdmins", org.springframework.security.oauth2.core.OAuth2TokenValidator.class,
					() -> (org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt>) (
							jwt) -> jwt.getSubject().equals("2")
									? org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.failure(
											new org.springframework.security.oauth2.core.OAuth2Error("invalid_token",
													"No admins here", null))
									: org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success())
			.run((context) -> {
				@SuppressWarnings("unchecked")
				JwtTokenService<TestUsers.User> service = context.getBean(JwtTokenService.class);
				TestUsers users = new TestUsers();
				assertThat(service.decode(service.issue(users.authenticate("pav", "123").orElseThrow()).accessToken()))
					.isNotNull();
				String ama = service.issue(users.authenticate("ama", "456").orElseThrow()).accessToken();
				assertThatExceptionOfType(JwtException.class).isThrownBy(() -> service.decode(ama))
					.withMessageContaining("No admins here");
			});
	}

	private void run(Case testCase, Function<AssertableApplicationContext, Void> assertions) {
		this.contextRunner.withPropertyValues(testCase.properties().toArray(String[]::new)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertions.apply(context);
		});
	}


}
