package io.github.jwtauth.web;

import java.net.http.HttpResponse;

import io.github.jwtauth.HttpTestClient;
import io.github.jwtauth.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jwt.scope=all} with renamed endpoints, fields and only the Bearer scheme, over
 * real HTTP.
 */
@SpringBootTest(classes = ScopeAllTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "jwt.secret=scope-all-test-secret-0123456789-0123456789", "jwt.scope=all",
				"jwt.endpoints.auth=/login", "jwt.endpoints.refresh=/login/refresh", "jwt.fields.username=user",
				"jwt.fields.password=pass", "jwt.schemes=Bearer" })
class ScopeAllTests {

	@LocalServerPort
	private int port;

	private HttpTestClient client;

	@BeforeEach
	void client() {
		this.client = new HttpTestClient(this.port);
	}

	@Test
	void unannotatedRouteWhenNoTokenThenUnauthorized() {
		HttpResponse<String> response = this.client.get("/hello", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
	}

	@Test
	void unannotatedRouteWhenTokenThenOk() {
		String token = this.client.login("/login", "{\"user\":\"pav\",\"pass\":\"123\"}");
		assertThat(this.client.get("/hello", "Bearer " + token).body()).isEqualTo("hello");
	}

	@Test
	void loginWhenDefaultFieldNamesThenInvalidRequest() {
		HttpResponse<String> response = this.client.post("/login", "application/json",
				"{\"username\":\"pav\",\"password\":\"123\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(HttpTestClient.json(response).get("detail").stringValue()).contains("'user'");
	}

	@Test
	void refreshWhenRenamedPathThenOpenAndWorking() {
		HttpResponse<String> login = this.client.post("/login", "application/json",
				"{\"user\":\"pav\",\"pass\":\"123\"}");
		String refresh = HttpTestClient.json(login).get("refresh_token").stringValue();
		HttpResponse<String> response = this.client.post("/login/refresh", "application/json",
				"{\"refresh_token\":\"" + refresh + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void defaultPathsWhenRenamedThenProtectedLikeAnyOtherRoute() {
		assertThat(this.client.post("/auth", "application/json", "{}").statusCode()).isEqualTo(401);
	}

	@Test
	void unknownSchemeWhenOnlyBearerConfiguredThenNoToken() {
		String token = this.client.login("/login", "{\"user\":\"pav\",\"pass\":\"123\"}");
		HttpResponse<String> response = this.client.get("/hello", "JWT " + token);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
	}

	@Test
	void unknownPathWhenTokenThenNotFoundWithoutThenUnauthorized() {
		assertThat(this.client.get("/nope", null).statusCode()).isEqualTo(401);
		String token = this.client.login("/login", "{\"user\":\"pav\",\"pass\":\"123\"}");
		assertThat(this.client.get("/nope", "Bearer " + token).statusCode()).isEqualTo(404);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controllers.class)
	static class App {

		@Bean
		TestUsers authBackend() {
			return new TestUsers();
		}

	}

	@RestController
	static class Controllers {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
