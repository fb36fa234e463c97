package io.github.jwtauth.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.github.jwtauth.refresh.InMemoryTokenStore;
import io.github.jwtauth.refresh.JdbcTokenStore;
import io.github.jwtauth.refresh.RedisTokenStore;
import io.github.jwtauth.refresh.TokenRevoker;
import io.github.jwtauth.refresh.TokenStore;
import io.github.jwtauth.token.RevocationChecker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The extra cost per protected request of the revocation check, for each store, with and
 * without the local cache ({@code jwt.store.revocation-cache}). The store holds 10,000
 * revocations; the token checked is not revoked, which is the common case.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar RevocationCheckBenchmark}
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RevocationCheckBenchmark extends MicrosecondsBenchmark {

	@Param({ "memory", "h2", "postgresql", "redis" })
	public String store;

	@Param({ "0s", "5s" })
	public String cache;

	private final Clock clock = Clock.systemUTC();

	private AutoCloseable server;

	private RevocationChecker checker;

	private Jwt token;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		TokenStore tokenStore = switch (this.store) {
			case "memory" -> new InMemoryTokenStore(this.clock, 1_000_000);
			case "h2" -> jdbc(h2());
			case "postgresql" -> postgres();
			case "redis" -> redis();
			default -> throw new IllegalArgumentException(this.store);
		};
		TokenRevoker revoker = new TokenRevoker(tokenStore, this.clock, Duration.ofDays(15));
		for (int i = 0; i < 10_000; i++) {
			revoker.revokeFamily(UUID.randomUUID().toString());
		}
		this.checker = new RevocationChecker(tokenStore, this.clock, false, Duration.parse("PT" + this.cache.toUpperCase()),
				100_000);
		Instant now = this.clock.instant();
		this.token = Jwt.withTokenValue("t")
			.header("alg", "HS256")
			.subject("1237832")
			.jti(UUID.randomUUID().toString())
			.claim(TokenRevoker.FAMILY_CLAIM, UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plusSeconds(900))
			.build();
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Benchmark
	public boolean isRevoked() {
		return this.checker.isRevoked(this.token);
	}

	private static JdbcDataSource h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	private static TokenStore jdbc(javax.sql.DataSource dataSource) {
		JdbcTokenStore store = new JdbcTokenStore(dataSource, "bench_");
		store.initializeSchema();
		return store;
	}

	private TokenStore postgres() throws IOException {
		EmbeddedPostgres postgres = EmbeddedPostgres.start();
		this.server = postgres;
		com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
		pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		pool.setMaximumPoolSize(4);
		AutoCloseable stop = this.server;
		this.server = () -> {
			pool.close();
			stop.close();
		};
		return jdbc(pool);
	}

	private TokenStore redis() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		RedisServer redis = new RedisServer(port);
		redis.start();
		LettuceConnectionFactory connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("localhost", port));
		connections.afterPropertiesSet();
		connections.start();
		this.server = () -> {
			connections.destroy();
			redis.stop();
		};
		return new RedisTokenStore(new StringRedisTemplate(connections), "bench:");
	}

}
