package io.github.jwtauth.refresh;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A thread-safe {@link RefreshTokenStore} in the heap of one instance: the default for a
 * single-instance application. Tokens die with the process.
 * <p>
 * Expired tokens are swept every {@value #SWEEP_INTERVAL} saves, so that logins which are
 * never refreshed cannot grow the map without bound.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

	static final int SWEEP_INTERVAL = 1024;

	private final ConcurrentMap<String, StoredRefreshToken> tokens = new ConcurrentHashMap<>();

	private final AtomicInteger savesSinceSweep = new AtomicInteger();

	private final Clock clock;

	public InMemoryRefreshTokenStore(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	@Override
	public void save(String tokenHash, StoredRefreshToken token) {
		Assert.hasText(tokenHash, "tokenHash cannot be empty");
		Assert.notNull(token, "token cannot be null");
		if (this.savesSinceSweep.incrementAndGet() >= SWEEP_INTERVAL) {
			this.savesSinceSweep.set(0);
			removeExpired();
		}
		this.tokens.put(tokenHash, token);
	}

	@Override
	public @Nullable StoredRefreshToken consume(String tokenHash) {
		return this.tokens.remove(tokenHash);
	}

	/**
	 * Remove every expired token.
	 */
	public void removeExpired() {
		var now = this.clock.instant();
		this.tokens.values().removeIf((token) -> token.isExpiredAt(now));
	}

	/**
	 * Return how many tokens are stored, expired ones included until the next sweep.
	 * @return the number of stored tokens
	 */
	public int size() {
		return this.tokens.size();
	}

}
