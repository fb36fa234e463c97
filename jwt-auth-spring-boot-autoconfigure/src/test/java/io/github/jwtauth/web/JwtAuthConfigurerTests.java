package io.github.jwtauth.web;

import java.net.http.HttpResponse;

import io.github.jwtauth.HttpTestClient;
import io.github.jwtauth.JwtAuthRequired;
import io.github.jwtauth.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with its own {@code SecurityFilterChain} (CSRF on, its own URL rules) that
 * applies {@link JwtAuthConfigurer} in one line, over real HTTP.
 */
@SpringBootTest(classes = JwtAuthConfigurerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "jwt.secret=configurer-test-secret-0123456789-0123456789")
class JwtAuthConfigurerTests {

	@LocalServerPort
	private int port;

	private HttpTestClient client;

	@BeforeEach
	void client() {
		this.client = new HttpTestClient(this.port);
	}

	@Test
	void loginWhenUserChainHasCsrfThenStillWorks() {
		assertThat(this.client.login("/auth", "{\"username\":\"pav\",\"password\":\"123\"}")).contains(".");
	}

	@Test
	void annotatedRouteWhenUserChainThenTokenRequiredAndPrincipalIsUserRecord() {
		HttpResponse<String> anonymous = this.client.get("/me", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
		String token = this.client.login("/auth", "{\"username\":\"pav\",\"password\":\"123\"}");
		HttpResponse<String> me = this.client.get("/me", "Bearer " + token);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).isEqualTo("pav");
	}

	@Test
	void userRuleWhenRoleMissingThenInsufficientScopeProblem() {
		String pav = this.client.login("/auth", "{\"username\":\"pav\",\"password\":\"123\"}");
		HttpResponse<String> denied = this.client.get("/admin-rule", "Bearer " + pav);
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(HttpTestClient.json(denied).get("error").stringValue()).isEqualTo("insufficient_scope");
		String ama = this.client.login("/auth", "{\"username\":\"ama\",\"password\":\"456\"}");
		assertThat(this.client.get("/admin-rule", "Bearer " + ama).statusCode()).isEqualTo(200);
		assertThat(this.client.get("/admin-rule", null).statusCode()).isEqualTo(401);
	}

	@Test
	void annotationRolesWhenRoleMissingThenInsufficientScope() {
		String pav = this.client.login("/auth", "{\"username\":\"pav\",\"password\":\"123\"}");
		assertThat(this.client.get("/admin-annotation", "Bearer " + pav).statusCode()).isEqualTo(403);
		String ama = this.client.login("/auth", "{\"username\":\"ama\",\"password\":\"456\"}");
		assertThat(this.client.get("/admin-annotation", "Bearer " + ama).statusCode()).isEqualTo(200);
	}

	@Test
	void userPostWhenNoTokenThenUsersCsrfStillApplies() {
		assertThat(this.client.post("/form", "application/x-www-form-urlencoded", "a=b").statusCode()).isEqualTo(403);
	}

	@Test
	void openRouteWhenNoTokenThenOk() {
		assertThat(this.client.get("/hello", null).body()).isEqualTo("hello");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Controllers.class)
	static class App {

		@Bean
		TestUsers authBackend() {
			return new TestUsers();
		}

		@Bean
		SecurityFilterChain userChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/admin-rule")
				.hasRole("admin")
				.anyRequest()
				.permitAll()).with(JwtAuthConfigurer.jwtAuth(), Customizer.withDefaults());
			return http.build();
		}

	}

	@RestController
	static class Controllers {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

		@PostMapping("/form")
		String form() {
			return "posted";
		}

		@GetMapping("/me")
		@JwtAuthRequired
		String me(@AuthenticationPrincipal TestUsers.User user) {
			return user.username();
		}

		@GetMapping("/admin-rule")
		String adminRule() {
			return "admin";
		}

		@GetMapping("/admin-annotation")
		@JwtAuthRequired(roles = "admin")
		String adminAnnotation() {
			return "admin";
		}

	}

}
