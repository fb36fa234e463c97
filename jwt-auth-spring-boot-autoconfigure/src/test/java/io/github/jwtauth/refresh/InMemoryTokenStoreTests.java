package io.github.jwtauth.refresh;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The token-store contract against {@link InMemoryTokenStore}, and its bounds.
 */
class InMemoryTokenStoreTests extends TokenStoreContractTests {

	@Override
	protected TokenStore createStore() {
		return new InMemoryTokenStore(this.clock, 100_000);
	}

	@Test
	void saveWhenFullOfLiveTokensThenRefusedAsUnavailable() {
		InMemoryTokenStore small = new InMemoryTokenStore(this.clock, 3);
		RefreshTokenService service = new RefreshTokenService(small, this.clock, REFRESH_TTL, GRACE,
				new TokenRevoker(small, this.clock, REFRESH_TTL));
		for (int i = 0; i < 3; i++) {
			service.startFamily("user" + i);
		}
		assertThatExceptionOfType(TokenStoreUnavailableException.class).isThrownBy(() -> service.startFamily("late"))
			.withMessageContaining("jwt.store.memory.max-entries");
		this.clock.advance(REFRESH_TTL);
		assertThat(service.startFamily("later").subject()).isEqualTo("later");
		assertThat(small.size()).isEqualTo(1);
	}

	@Test
	void saveWhenFullAndTheEarliestTokenExpiresThenItsRoomIsReused() {
		InMemoryTokenStore small = new InMemoryTokenStore(this.clock, 3);
		RefreshTokenService service = new RefreshTokenService(small, this.clock, REFRESH_TTL, GRACE,
				new TokenRevoker(small, this.clock, REFRESH_TTL));
		for (int i = 0; i < 3; i++) {
			service.startFamily("user" + i);
			this.clock.advance(Duration.ofSeconds(10));
		}
		for (int i = 0; i < 100; i++) {
			assertThatExceptionOfType(TokenStoreUnavailableException.class)
				.isThrownBy(() -> service.startFamily("refused"));
		}
		// user0's token expires REFRESH_TTL after it was issued, 30 seconds ago
		this.clock.advance(REFRESH_TTL.minusSeconds(30));
		assertThat(service.startFamily("first-in").subject()).isEqualTo("first-in");
		assertThatExceptionOfType(TokenStoreUnavailableException.class)
			.isThrownBy(() -> service.startFamily("still-full"));
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(service.startFamily("second-in").subject()).isEqualTo("second-in");
		assertThat(small.size()).isEqualTo(3);
	}

	@Test
	void saveWhenManyExpiredEntriesThenSweptWithoutAnExplicitCall() {
		InMemoryTokenStore store = new InMemoryTokenStore(this.clock, 100_000);
		RefreshTokenService service = new RefreshTokenService(store, this.clock, Duration.ofMinutes(1), GRACE,
				new TokenRevoker(store, this.clock, Duration.ofMinutes(1)));
		for (int i = 0; i < InMemoryTokenStore.SWEEP_INTERVAL - 1; i++) {
			service.startFamily("old");
		}
		this.clock.advance(Duration.ofMinutes(2));
		service.startFamily("new");
		assertThat(store.size()).isEqualTo(1);
	}

}
