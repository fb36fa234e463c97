package io.github.jwtauth.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.JwtAuthRequired;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest application with the starter: a trivial backend and one protected handler.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(BenchmarkApplication.Endpoints.class)
public class BenchmarkApplication {

	/** The one user. */
	public static final User USER = new User("1237832", "pav");

	/** The HMAC secret of the HS256 runs. */
	public static final String SECRET = "benchmark-secret-0123456789-0123456789-0123";

	/**
	 * Return the {@code jwt.*} properties that make the application sign with an algorithm:
	 * the secret for HS256, else a freshly generated key pair as inline PEM.
	 * @param algorithm HS256, RS256 or ES256
	 * @return the properties
	 * @throws GeneralSecurityException if the JDK cannot make the key
	 */
	public static List<String> keyProperties(String algorithm) throws GeneralSecurityException {
		if (algorithm.equals("HS256")) {
			return List.of("jwt.secret=" + SECRET);
		}
		KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.startsWith("ES") ? "EC" : "RSA");
		if (algorithm.startsWith("ES")) {
			generator.initialize(new ECGenParameterSpec("secp256r1"));
		}
		else {
			generator.initialize(2048);
		}
		KeyPair pair = generator.generateKeyPair();
		return List.of("jwt.algorithm=" + algorithm, "jwt.keys[0].id=bench",
				"jwt.keys[0].private-key=" + pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
				"jwt.keys[0].public-key=" + pem("PUBLIC KEY", pair.getPublic().getEncoded()));
	}

	/**
	 * Sign, with stock Spring Security, the registered claims the starter would issue to
	 * {@link #USER}, with HS256: the stock baseline of the issuing benchmark and the load test.
	 * @param encoder a {@code NimbusJwtEncoder} over the HMAC secret
	 * @return the token
	 */
	public static Jwt stockToken(JwtEncoder encoder) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(USER.id())
			.issuedAt(now)
			.expiresAt(now.plusSeconds(900))
			.id(UUID.randomUUID().toString())
			.claim("roles", List.of("user"))
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(), claims));
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
				+ "-----\n";
	}

	@Bean
	AuthBackend<User> authBackend() {
		return new AuthBackend<>() {

			@Override
			public Optional<User> authenticate(String username, String password) {
				return "pav".equals(username) && "123".equals(password) ? Optional.of(USER) : Optional.empty();
			}

			@Override
			public Optional<User> findById(String id) {
				return USER.id().equals(id) ? Optional.of(USER) : Optional.empty();
			}

			@Override
			public String idOf(User user) {
				return user.id();
			}

			@Override
			public List<String> rolesOf(User user) {
				return List.of("user");
			}

		};
	}

	/**
	 * A user.
	 *
	 * @param id the id
	 * @param username the name
	 */
	public record User(String id, String username) {
	}

	@RestController
	static class Endpoints {

		@GetMapping("/")
		@JwtAuthRequired
		String me() {
			return "me";
		}

		@GetMapping("/public")
		String open() {
			return "open";
		}

	}

}
