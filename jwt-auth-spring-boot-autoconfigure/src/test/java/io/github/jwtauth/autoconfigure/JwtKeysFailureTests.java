package io.github.jwtauth.autoconfigure;

import java.security.KeyPair;
import java.util.stream.Stream;

import io.github.jwtauth.TestKeys;
import io.github.jwtauth.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys the starter refuses to start with: each failure names the property, says what to do,
 * and prints no key material.
 */
class JwtKeysFailureTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JwtAuthAutoConfiguration.class))
		.withBean(TestUsers.class, TestUsers::new);

	static Stream<Arguments> badKeys() {
		KeyPair rsa1024 = TestKeys.rsa(1024);
		KeyPair rsa = TestKeys.rsa(2048);
		KeyPair p384 = TestKeys.ec("secp384r1");
		KeyPair p256 = TestKeys.ec("secp256r1");
		String pkcs1 = TestKeys.pem("RSA PRIVATE KEY", new byte[] { 1, 2, 3 });
		return Stream.of(
				Arguments.of(new String[] { "jwt.keys[0].id=a", "jwt.keys[0].private-key=" + TestKeys.privatePem(rsa1024) },
						"jwt.keys[0]", "2048", TestKeys.privatePem(rsa1024)),
				Arguments.of(new String[] { "jwt.secret=0123456789abcdef0123456789abcdef", "jwt.keys[0].id=a",
						"jwt.keys[0].private-key=" + TestKeys.privatePem(rsa) }, "jwt.keys", "not both", "0123456789abcdef"),
				Arguments.of(new String[] { "jwt.algorithm=HS512", "jwt.secret=0123456789abcdef0123456789abcdef" },
						"jwt.secret", "64 bytes", "0123456789abcdef"),
				Arguments.of(new String[] { "jwt.algorithm=ES256", "jwt.keys[0].id=a",
						"jwt.keys[0].private-key=" + TestKeys.privatePem(p384),
						"jwt.keys[0].public-key=" + TestKeys.publicPem(p384) }, "jwt.keys[0]", "P-256 for ES256",
						TestKeys.privatePem(p384)),
				Arguments.of(new String[] { "jwt.algorithm=RS256", "jwt.secret=0123456789abcdef0123456789abcdef" },
						"jwt.algorithm", "jwt.keys", "0123456789abcdef"),
				Arguments.of(new String[] { "jwt.keys[0].id=a", "jwt.keys[0].private-key=" + pkcs1 },
						"jwt.keys[0].private-key", "openssl pkcs8 -topk8", pkcs1),
				Arguments.of(new String[] { "jwt.keys[0].id=a", "jwt.keys[0].private-key=" + TestKeys.privatePem(p256) },
						"jwt.keys[0].public-key", "openssl pkey", TestKeys.privatePem(p256)),
				Arguments.of(new String[] { "jwt.keys[0].id=a", "jwt.keys[0].private-key=" + TestKeys.privatePem(rsa),
						"jwt.signing-key-id=b" }, "jwt.signing-key-id", "jwt.keys", TestKeys.privatePem(rsa)),
				Arguments.of(new String[] { "jwt.keys[0].id=a", "jwt.keys[0].private-key=classpath:missing.pem" },
						"jwt.keys[0].private-key", "PEM file", "never-printed"),
				Arguments.of(new String[] { "jwt.keys[0].private-key=" + TestKeys.privatePem(rsa) }, "jwt.keys[0].id",
						"unique id", TestKeys.privatePem(rsa)));
	}

	@ParameterizedTest
	@MethodSource("badKeys")
	void startupWhenKeyUnusableThenFailureNamesPropertyWithoutKeyMaterial(String[] properties, String property,
			String action, String secretMaterial) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new JwtAuthFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).as(String.valueOf(context.getStartupFailure())).isNotNull();
			assertThat(analysis.getDescription()).contains("'" + property + "'");
			assertThat(analysis.getDescription() + analysis.getAction()).contains(action);
			String body = secretMaterial.replaceAll("-----[A-Z ]+-----", "").replace("\n", "").trim();
			String needle = body.substring(0, Math.min(20, body.length()));
			assertThat(analysis.getDescription()).doesNotContain(needle);
			assertThat(analysis.getAction()).doesNotContain(needle);
		});
	}

}
