package io.github.jwtauth.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.jwtauth.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RefreshTokenServiceTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore(this.clock);

	private final RefreshTokenService service = new RefreshTokenService(this.store, this.clock, Duration.ofDays(14));

	@Test
	void createWhenCalledThenOpaque256BitTokenStoredOnlyAsHash() {
		String token = this.service.create("1");
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(this.store.consume(token)).isNull();
		StoredRefreshToken stored = this.store.consume(RefreshTokenService.hash(token));
		assertThat(stored).isEqualTo(new StoredRefreshToken("1", Instant.parse("2026-01-15T00:00:00Z")));
	}

	@Test
	void createWhenCalledTwiceThenDifferentTokens() {
		assertThat(this.service.create("1")).isNotEqualTo(this.service.create("1"));
	}

	@Test
	void consumeWhenValidThenSubjectAndSecondUseRefused() {
		String token = this.service.create("42");
		assertThat(this.service.consume(token)).isEqualTo("42");
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> this.service.consume(token))
			.withMessageContaining("already been used");
	}

	@Test
	void consumeWhenExpiredThenRefused() {
		String token = this.service.create("42");
		this.clock.advance(Duration.ofDays(14));
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> this.service.consume(token))
			.withMessageContaining("expired");
	}

	@Test
	void consumeWhenOneSecondBeforeExpiryThenAccepted() {
		String token = this.service.create("42");
		this.clock.advance(Duration.ofDays(14).minusSeconds(1));
		assertThat(this.service.consume(token)).isEqualTo("42");
	}

	@Test
	void consumeWhenUnknownEmptyOrHugeThenRefused() {
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> this.service.consume("nope"));
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> this.service.consume(""));
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.service.consume("x".repeat(100_000)));
	}

	@Test
	void consumeWhenSixteenThreadsRaceForOneTokenThenExactlyOneWins() throws Exception {
		String token = this.service.create("7");
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						return "7".equals(this.service.consume(token));
					}
					catch (InvalidRefreshTokenException ex) {
						return false;
					}
				}));
			}
			start.countDown();
			int winners = 0;
			for (Future<Boolean> result : results) {
				winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(winners).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void removeExpiredWhenSomeExpiredThenOnlyLiveOnesKept() {
		this.service.create("1");
		this.clock.advance(Duration.ofDays(10));
		String live = this.service.create("2");
		this.clock.advance(Duration.ofDays(5));
		this.store.removeExpired();
		assertThat(this.store.size()).isEqualTo(1);
		assertThat(this.service.consume(live)).isEqualTo("2");
	}

	@Test
	void saveWhenManyExpiredTokensThenSweptWithoutExplicitCall() {
		for (int i = 0; i < InMemoryRefreshTokenStore.SWEEP_INTERVAL - 1; i++) {
			this.service.create("old");
		}
		this.clock.advance(Duration.ofDays(15));
		this.service.create("new");
		assertThat(this.store.size()).isEqualTo(1);
	}

}
