package io.github.jwtauth.token;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.github.jwtauth.TestKeys;
import io.github.jwtauth.TestUsers;
import io.github.jwtauth.autoconfigure.JwtAuthAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Headers that try to make the verifier trust an attacker's key or algorithm (RFC 8725 §2):
 * all refused by an RS256 configuration, and nothing is fetched.
 */
class HostileHeaderTests {

	private final KeyPair ours = TestKeys.rsa(2048);

	private final KeyPair attacker = TestKeys.rsa(2048);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JwtAuthAutoConfiguration.class))
		.withBean(TestUsers.class, TestUsers::new)
		.withPropertyValues("jwt.keys[0].id=ours", "jwt.keys[0].private-key=" + TestKeys.privatePem(this.ours));

	private static JWTClaimsSet claims() {
		return new JWTClaimsSet.Builder().subject("1")
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build();
	}

	@Test
	void decodeWhenOurKeyAndKidThenAccepted() throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ours").build(), claims());
		jwt.sign(new RSASSASigner(this.ours.getPrivate()));
		this.contextRunner.run((context) -> assertThat(context.getBean(JwtDecoder.class).decode(jwt.serialize()))
			.isNotNull());
	}

	@Test
	void decodeWhenHs256SignedWithOurRsaPublicKeyThenRefused() throws Exception {
		// Key confusion: the public key is public, so an HS256 token keyed with it is forgeable.
		byte[] publicKeyBytes = TestKeys.publicPem(this.ours).getBytes(StandardCharsets.UTF_8);
		SignedJWT pem = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("ours").build(), claims());
		pem.sign(new MACSigner(publicKeyBytes));
		SignedJWT der = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("ours").build(), claims());
		der.sign(new MACSigner(this.ours.getPublic().getEncoded()));
		this.contextRunner.run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(pem.serialize()));
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(der.serialize()));
		});
	}

	@Test
	void decodeWhenEmbeddedJwkNamesAttackersKeyThenRefused() throws Exception {
		RSAKey attackerJwk = new RSAKey.Builder((RSAPublicKey) this.attacker.getPublic()).keyID("ours").build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ours").jwk(attackerJwk).build(), claims());
		jwt.sign(new RSASSASigner(this.attacker.getPrivate()));
		this.contextRunner.run((context) -> assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> context.getBean(JwtDecoder.class).decode(jwt.serialize())));
	}

	@Test
	void decodeWhenJkuAndX5uPointAtAListenerThenRefusedAndNeverFetched() throws Exception {
		AtomicInteger hits = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) this.attacker.getPublic()).keyID("ours").build())
			.toString();
		server.createContext("/", (exchange) -> {
			hits.incrementAndGet();
			byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ours")
				.jwkURL(java.net.URI.create(base + "/jwks.json"))
				.x509CertURL(java.net.URI.create(base + "/cert.pem"))
				.build(), claims());
			jwt.sign(new RSASSASigner(this.attacker.getPrivate()));
			this.contextRunner.run((context) -> assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> context.getBean(JwtDecoder.class).decode(jwt.serialize())));
			assertThat(hits).hasValue(0);
		}
		finally {
			server.stop(0);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../../../etc/passwd", "' OR '1'='1", "ours\u0000", "%2e%2e%2f", "" })
	void decodeWhenKidIsTraversalOrSqlThenRefused(String kid) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims());
		jwt.sign(new RSASSASigner(this.attacker.getPrivate()));
		this.contextRunner.run((context) -> assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> context.getBean(JwtDecoder.class).decode(jwt.serialize())));
	}

	@Test
	void decodeWhenUnknownCriticalHeaderThenRefusedEvenWithOurKey() throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ours")
			.criticalParams(java.util.Set.of("urn:example:must-understand"))
			.customParam("urn:example:must-understand", true)
			.build(), claims());
		jwt.sign(new RSASSASigner(this.ours.getPrivate()));
		this.contextRunner.run((context) -> assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> context.getBean(JwtDecoder.class).decode(jwt.serialize())));
	}

	@ParameterizedTest
	@ValueSource(strings = { "none", "None", "NONE", "nOnE" })
	void decodeWhenAlgNoneInAnySpellingThenRefused(String alg) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String header = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"kid\":\"ours\"}").getBytes(StandardCharsets.UTF_8));
		String payload = b64.encodeToString(("{\"sub\":\"1\",\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}")
			.getBytes(StandardCharsets.UTF_8));
		this.contextRunner.run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			for (String token : List.of(header + "." + payload + ".", header + "." + payload + ".c2ln")) {
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token));
			}
		});
	}

	@Test
	void decodeWhenPs256WithOurRsaKeyButRs256ConfiguredThenRefused() throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("ours").type(JOSEObjectType.JWT).build(), claims());
		jwt.sign(new RSASSASigner(this.ours.getPrivate()));
		this.contextRunner.run((context) -> assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> context.getBean(JwtDecoder.class).decode(jwt.serialize())));
	}

}
