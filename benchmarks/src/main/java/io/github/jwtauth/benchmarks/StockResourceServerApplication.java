package io.github.jwtauth.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the load test: the demo's two endpoints behind stock Spring Security's
 * resource server (HS256 bearer JWT, {@code NimbusJwtDecoder}, default validators), without
 * the starter, as a Spring developer would write it from the reference documentation.
 * {@code POST /token} mints a token for the load script.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.jwtauth.benchmarks.StockResourceServerApplication}
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "io.github.jwtauth.autoconfigure.JwtAuthAutoConfiguration",
		"io.github.jwtauth.autoconfigure.JwtAuthWebSecurityAutoConfiguration" })
@Import(StockResourceServerApplication.Endpoints.class)
public class StockResourceServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(StockResourceServerApplication.class, args);
	}

	@Bean
	SecretKey jwtKey(@Value("${jwt.secret:" + BenchmarkApplication.SECRET + "}") String secret) {
		return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey key) {
		return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey key) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(key));
	}

	@Bean
	SecurityFilterChain stockChain(HttpSecurity http) {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/public", "/token")
				.permitAll()
				.anyRequest()
				.authenticated())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> {
			}))
			.build();
	}

	@RestController
	static class Endpoints {

		private final JwtEncoder encoder;

		Endpoints(JwtEncoder encoder) {
			this.encoder = encoder;
		}

		@GetMapping("/public")
		Map<String, Object> publicResource() {
			return Map.of("scope", "Anyone can see this");
		}

		/** The demo's body, with the user made from the token as the demo's backend would. */
		@GetMapping("/")
		Map<String, Object> privateResource(@AuthenticationPrincipal Jwt jwt) {
			Map<String, Object> user = new LinkedHashMap<>();
			user.put("id", Long.valueOf(jwt.getSubject()));
			user.put("username", "pav");
			user.put("data", Map.of("sex", "male", "active", true));
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("scope", "For your eyes only!");
			body.put("user", user);
			return body;
		}

		@PostMapping("/token")
		Map<String, Object> token() {
			return Map.of("token", BenchmarkApplication.stockToken(this.encoder).getTokenValue());
		}

	}

}
