package io.github.jwtauth.web;

import java.net.http.HttpResponse;
import java.security.KeyPair;

import io.github.jwtauth.HttpTestClient;
import io.github.jwtauth.JwtAuthRequired;
import io.github.jwtauth.TestKeys;
import io.github.jwtauth.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running several services: our application issues RS256 tokens and publishes its JWKS; a
 * second, plain Spring Boot application configured only with
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} accepts them and refuses
 * tampered ones. Both on random ports, over real HTTP.
 */
class JwksInteropTests {

	private ConfigurableApplicationContext issuer;

	private ConfigurableApplicationContext resourceServer;

	@AfterEach
	void close() {
		if (this.resourceServer != null) {
			this.resourceServer.close();
		}
		if (this.issuer != null) {
			this.issuer.close();
		}
	}

	@Test
	void stockResourceServerWhenJwkSetUriPointsAtUsThenOurTokensWork() {
		KeyPair key = TestKeys.rsa(2048);
		this.issuer = new SpringApplicationBuilder(Issuer.class)
			.properties("server.port=0", "jwt.keys[0].id=2026-12", "jwt.keys[0].private-key=" + TestKeys.privatePem(key),
					"jwt.issuer=http://issuer.test")
			.run();
		HttpTestClient issuerClient = new HttpTestClient(port(this.issuer));
		HttpResponse<String> jwks = issuerClient.get("/.well-known/jwks.json", null);
		assertThat(jwks.statusCode()).isEqualTo(200);
		assertThat(jwks.headers().firstValue("Content-Type")).hasValue("application/jwk-set+json");
		assertThat(jwks.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
		assertThat(jwks.headers().firstValue("ETag")).isPresent();
		JsonNode keys = HttpTestClient.json(jwks).get("keys");
		assertThat(keys).hasSize(1);
		assertThat(keys.get(0).get("kid").stringValue()).isEqualTo("2026-12");
		assertThat(keys.get(0).get("alg").stringValue()).isEqualTo("RS256");
		assertThat(keys.get(0).has("d")).isFalse();
		assertThat(keys.get(0).has("p")).isFalse();

		this.resourceServer = new SpringApplicationBuilder(PlainResourceServer.class)
			.properties("server.port=0",
					"spring.autoconfigure.exclude=io.github.jwtauth.autoconfigure.JwtAuthAutoConfiguration,"
							+ "io.github.jwtauth.autoconfigure.JwtAuthWebSecurityAutoConfiguration",
					"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:" + port(this.issuer)
							+ "/.well-known/jwks.json")
			.run();
		HttpTestClient other = new HttpTestClient(port(this.resourceServer));
		String ama = issuerClient.login("/auth", "{\"username\":\"ama\",\"password\":\"456\"}");
		HttpResponse<String> accepted = other.get("/whoami", "Bearer " + ama);
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).isEqualTo("2");
		String[] parts = ama.split("\\.");
		String tampered = parts[0] + "."
				+ java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
						"{\"sub\":\"1\",\"exp\":4102444800}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
				+ "." + parts[2];
		assertThat(other.get("/whoami", "Bearer " + tampered).statusCode()).isEqualTo(401);

		// and back home, roles from the token: @JwtAuthRequired(roles) and @PreAuthorize agree
		String pav = issuerClient.login("/auth", "{\"username\":\"pav\",\"password\":\"123\"}");
		assertThat(issuerClient.get("/pre-authorize", "Bearer " + ama).statusCode()).isEqualTo(200);
		HttpResponse<String> denied = issuerClient.get("/pre-authorize", "Bearer " + pav);
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(HttpTestClient.json(denied).get("error").stringValue()).isEqualTo("insufficient_scope");
	}

	@Test
	void jwksWhenOnlyASecretThenNoEndpoint() {
		this.issuer = new SpringApplicationBuilder(Issuer.class)
			.properties("server.port=0", "jwt.secret=only-a-secret-0123456789-0123456789-0123")
			.run();
		HttpResponse<String> response = new HttpTestClient(port(this.issuer)).get("/.well-known/jwks.json", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("only-a-secret");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableMethodSecurity
	@Import(IssuerControllers.class)
	static class Issuer {

		@Bean
		TestUsers authBackend() {
			return new TestUsers();
		}

	}

	@RestController
	static class IssuerControllers {

		@GetMapping("/pre-authorize")
		@JwtAuthRequired
		@PreAuthorize("hasRole('admin')")
		String preAuthorize() {
			return "admin";
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(WhoAmI.class)
	static class PlainResourceServer {

	}

	@RestController
	static class WhoAmI {

		@GetMapping("/whoami")
		String whoami(Authentication authentication) {
			return authentication.getName();
		}

	}

}
