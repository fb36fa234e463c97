package io.github.jwtauth.refresh;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Deletes expired refresh tokens and revocations from a {@link TokenStore} on a fixed
 * schedule, on one daemon thread, for as long as the application context runs. A failed
 * run is logged and retried at the next tick.
 */
public final class TokenStoreCleaner implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TokenStoreCleaner.class);

	private final TokenStore store;

	private final Clock clock;

	private final Duration interval;

	private @Nullable ScheduledExecutorService executor;

	public TokenStoreCleaner(TokenStore store, Clock clock, Duration interval) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(interval != null && !interval.isNegative() && !interval.isZero(), "interval must be positive");
		this.store = store;
		this.clock = clock;
		this.interval = interval;
	}

	/**
	 * Remove expired entries now.
	 * @return how many entries were removed
	 */
	public int clean() {
		return this.store.removeExpired(this.clock.instant());
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "jwt-token-store-cleaner");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(this::cleanQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	private void cleanQuietly() {
		try {
			int removed = clean();
			if (removed > 0 && logger.isDebugEnabled()) {
				logger.debug("Removed " + removed + " expired token-store entries");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not remove expired token-store entries; retrying in " + this.interval, ex);
		}
	}

}
