package io.github.jwtauth.refresh;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jwtauth.HttpTestClient;
import io.github.jwtauth.JwtAuthRequired;
import io.github.jwtauth.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances on random ports sharing one real PostgreSQL or one real Redis,
 * both started by the test: sessions hold across instances, and a store outage answers 503
 * where state is needed while access tokens keep working (or not, when fail-closed).
 */
@ExtendWith(OutputCaptureExtension.class)
class ClusterTests {

	private static final String SECRET = "cluster-test-secret-0123456789-0123456789";

	private static final AtomicInteger namespaces = new AtomicInteger();

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void postgresWhenSharedThenSessionsHoldAcrossInstances() throws Exception {
		Store store = postgres();
		sessionsHoldAcrossInstances(start(store, false), start(store, false));
	}

	@Test
	void redisWhenSharedThenSessionsHoldAcrossInstances() throws Exception {
		Store store = redis();
		sessionsHoldAcrossInstances(start(store, false), start(store, false));
	}

	@Test
	void postgresWhenDownThenUnavailableAndNothingLostWhenBack(CapturedOutput output) throws Exception {
		Store store = postgres();
		outageAndRecovery(store, start(store, false), start(store, true), output);
	}

	@Test
	void redisWhenDownThenUnavailableAndNothingLostWhenBack(CapturedOutput output) throws Exception {
		Store store = redis();
		outageAndRecovery(store, start(store, false), start(store, true), output);
	}

	private void sessionsHoldAcrossInstances(HttpTestClient a, HttpTestClient b) {
		JsonNode login = tokens(a.post("/auth", "application/json", "{\"username\":\"pav\",\"password\":\"123\"}"));
		String firstRefresh = login.get("refresh_token").stringValue();
		// refresh on B what A issued
		JsonNode rotated = tokens(b.post("/auth/refresh", "application/json", refreshBody(firstRefresh)));
		String access = rotated.get("token").stringValue();
		assertThat(a.get("/me", "Bearer " + access).body()).isEqualTo("pav");
		// replay of the consumed token on A revokes the family on both
		HttpResponse<String> replay = a.post("/auth/refresh", "application/json", refreshBody(firstRefresh));
		assertThat(replay.statusCode()).isEqualTo(401);
		assertThat(HttpTestClient.json(replay).get("error").stringValue()).isEqualTo("invalid_grant");
		assertThat(b.post("/auth/refresh", "application/json", refreshBody(rotated.get("refresh_token").stringValue()))
			.statusCode()).isEqualTo(401);
		assertThat(a.get("/me", "Bearer " + access).statusCode()).isEqualTo(401);
		assertThat(b.get("/me", "Bearer " + access).statusCode()).isEqualTo(401);
		// logout on B refuses the access token on A
		String other = tokens(b.post("/auth", "application/json", "{\"username\":\"ama\",\"password\":\"456\"}"))
			.get("token")
			.stringValue();
		assertThat(a.get("/me", "Bearer " + other).body()).isEqualTo("ama");
		assertThat(b.post("/auth/logout", "application/json", "", "Bearer " + other).statusCode()).isEqualTo(204);
		HttpResponse<String> afterLogout = a.get("/me", "Bearer " + other);
		assertThat(afterLogout.statusCode()).isEqualTo(401);
		assertThat(afterLogout.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("revoked");
	}

	private void outageAndRecovery(Store store, HttpTestClient failOpen, HttpTestClient failClosed,
			CapturedOutput output) throws Exception {
		JsonNode login = tokens(
				failOpen.post("/auth", "application/json", "{\"username\":\"pav\",\"password\":\"123\"}"));
		String access = login.get("token").stringValue();
		String refresh = login.get("refresh_token").stringValue();
		store.stop();
		assertUnavailable(failOpen.post("/auth", "application/json", "{\"username\":\"pav\",\"password\":\"123\"}"));
		assertUnavailable(failOpen.post("/auth/refresh", "application/json", refreshBody(refresh)));
		for (int i = 0; i < 3; i++) {
			assertThat(failOpen.get("/me", "Bearer " + access).body()).isEqualTo("pav");
		}
		assertUnavailable(failClosed.get("/me", "Bearer " + access));
		assertThat(output.getAll().split("The token store is unavailable: accepting", -1)).hasSize(2);
		store.start();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> failClosed.get("/me", "Bearer " + access).statusCode() == 200);
		// each instance reconnects on its own
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> failOpen.post("/auth", "application/json", "{\"username\":\"ama\",\"password\":\"456\"}")
				.statusCode() == 200);
		// the refresh token issued before the outage was not lost
		JsonNode rotated = tokens(failOpen.post("/auth/refresh", "application/json", refreshBody(refresh)));
		assertThat(failClosed.get("/me", "Bearer " + rotated.get("token").stringValue()).body()).isEqualTo("pav");
		assertThat(output).contains("The token store is available again");
	}

	private static void assertUnavailable(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(HttpTestClient.json(response).get("error").stringValue()).isEqualTo("temporarily_unavailable");
	}

	private static JsonNode tokens(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return HttpTestClient.json(response);
	}

	private static String refreshBody(String token) {
		return "{\"refresh_token\":\"" + token + "\"}";
	}

	private HttpTestClient start(Store store, boolean failClosed) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "jwt.secret=" + SECRET,
				"jwt.refresh.reuse-grace=0", "jwt.store.fail-closed=" + failClosed));
		properties.addAll(store.properties());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.properties(properties.toArray(String[]::new))
			.run();
		this.resources.add(context::close);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new HttpTestClient(port);
	}

	private Store postgres() throws IOException {
		int port = freePort();
		Path data = Files.createTempDirectory("jwt-pg");
		String prefix = "c" + namespaces.incrementAndGet() + "_";
		Store store = new Store() {

			private EmbeddedPostgres postgres;

			@Override
			public void start() throws IOException {
				this.postgres = EmbeddedPostgres.builder()
					.setPort(port)
					.setDataDirectory(data)
					.setCleanDataDirectory(false)
					.start();
			}

			@Override
			public void stop() throws IOException {
				this.postgres.close();
			}

			@Override
			public List<String> properties() {
				return List.of("jwt.store.type=jdbc", "jwt.store.jdbc.initialize-schema=true",
						"jwt.store.jdbc.table-prefix=" + prefix,
						"spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
						"spring.datasource.username=postgres", "spring.datasource.password=postgres",
						"spring.datasource.hikari.connection-timeout=1000",
						"spring.datasource.hikari.validation-timeout=500");
			}

		};
		store.start();
		this.resources.add(() -> {
			try {
				store.stop();
			}
			catch (IOException | RuntimeException ex) {
				// already stopped
			}
		});
		return store;
	}

	private Store redis() throws IOException {
		int port = freePort();
		Path data = Files.createTempDirectory("jwt-redis");
		String prefix = "c" + namespaces.incrementAndGet() + ":";
		Store store = new Store() {

			private RedisServer redis;

			@Override
			public void start() throws IOException {
				this.redis = new RedisServerBuilder().port(port)
					.setting("bind 127.0.0.1")
					.setting("appendonly yes")
					.setting("appendfsync always")
					.setting("dir " + data)
					.build();
				this.redis.start();
			}

			@Override
			public void stop() throws IOException {
				this.redis.stop();
			}

			@Override
			public List<String> properties() {
				return List.of("jwt.store.type=redis", "jwt.store.redis.key-prefix=" + prefix,
						"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + port,
						"spring.data.redis.timeout=1s", "spring.data.redis.connect-timeout=1s");
			}

		};
		store.start();
		this.resources.add(() -> {
			try {
				store.stop();
			}
			catch (IOException | RuntimeException ex) {
				// already stopped
			}
		});
		return store;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private interface Store {

		void start() throws IOException;

		void stop() throws IOException;

		List<String> properties();

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Me.class)
	static class App {

		@Bean
		TestUsers authBackend() {
			return new TestUsers();
		}

	}

	@RestController
	static class Me {

		@GetMapping("/me")
		@JwtAuthRequired
		String me(@AuthenticationPrincipal TestUsers.User user) {
			return user.username();
		}

	}

}
