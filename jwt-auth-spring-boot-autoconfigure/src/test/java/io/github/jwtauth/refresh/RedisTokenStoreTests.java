package io.github.jwtauth.refresh;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token-store contract against {@link RedisTokenStore} on a real Redis (embedded,
 * started by the test).
 */
class RedisTokenStoreTests extends TokenStoreContractTests {

	private static final AtomicInteger prefixes = new AtomicInteger();

	private static RedisServer redis;

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate template;

	@BeforeAll
	static void startRedis() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		redis = new RedisServer(port);
		redis.start();
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("localhost", port));
		connections.afterPropertiesSet();
		connections.start();
		template = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void stopRedis() throws IOException {
		connections.destroy();
		redis.stop();
	}

	private String prefix;

	@Override
	protected TokenStore createStore() {
		this.prefix = "test" + prefixes.incrementAndGet() + ":";
		return new RedisTokenStore(template, this.prefix);
	}

	/**
	 * Redis forgets by TTL, on its own clock: check that every key carries one that ends
	 * when its entry stops mattering, rather than moving a clock Redis does not read.
	 */
	@Override
	protected void assertExpiredRemoved(RefreshGrant expiredToken, Jwt expiredRevocation) {
		assertThat(this.store.removeExpired(this.clock.instant())).isZero();
		Long tokenTtl = template.getExpire(this.prefix + "rt:" + RefreshTokenService.hash(expiredToken.token()));
		assertThat(tokenTtl).isBetween(REFRESH_TTL.getSeconds() - 60, REFRESH_TTL.getSeconds());
		Long revocationTtl = template.getExpire(this.prefix + "rv:jti:" + expiredRevocation.getId());
		assertThat(revocationTtl).isBetween(1L, 60L);
	}

	@Test
	void keysWhenWrittenThenAllExpire() {
		RefreshTokenService service = new RefreshTokenService(this.store, this.clock, REFRESH_TTL, GRACE,
				this.revoker);
		service.startFamily("alice");
		this.revoker.revokeAll("alice");
		this.revoker.revokeFamily("some-family");
		for (String key : template.keys(this.prefix + "*")) {
			assertThat(template.getExpire(key)).as(key).isPositive();
		}
		assertThat(template.keys(this.prefix + "*")).hasSize(3);
	}

}
