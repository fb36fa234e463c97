package io.github.jwtauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.jwtauth.refresh.TokenRevoker;
import io.github.jwtauth.refresh.TokenStore;
import io.github.jwtauth.refresh.TokenStoreUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Asks the {@link TokenStore} whether an access token was revoked: one lookup per request,
 * or none within an optional staleness bound.
 * <p>
 * When the store is down, tokens keep being verified statelessly and one WARN is logged per
 * outage (fail-open), unless fail-closed is chosen, which answers 503 instead. With a cache
 * bound, a revocation made on another instance is enforced here within that bound; one made
 * through this instance's {@link TokenRevoker} at once.
 */
public final class RevocationChecker {

	private static final Log logger = LogFactory.getLog(RevocationChecker.class);

	private final TokenStore store;

	private final Clock clock;

	private final boolean failClosed;

	private final Duration cacheBound;

	private final int cacheMaxEntries;

	private final ConcurrentMap<String, Instant> notRevokedUntil = new ConcurrentHashMap<>();

	private final AtomicBoolean outage = new AtomicBoolean();

	/**
	 * Create a checker.
	 * @param store the store
	 * @param clock the clock
	 * @param failClosed whether to refuse tokens (503) while the store is unreachable
	 * @param cacheBound how long a "not revoked" answer may be reused; zero for never
	 * @param cacheMaxEntries most answers kept
	 */
	public RevocationChecker(TokenStore store, Clock clock, boolean failClosed, Duration cacheBound,
			int cacheMaxEntries) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(cacheBound != null && !cacheBound.isNegative(), "cacheBound must not be negative");
		Assert.isTrue(cacheMaxEntries > 0, "cacheMaxEntries must be positive");
		this.store = store;
		this.clock = clock;
		this.failClosed = failClosed;
		this.cacheBound = cacheBound;
		this.cacheMaxEntries = cacheMaxEntries;
	}

	/**
	 * Whether a verified access token has been revoked.
	 * @param jwt the token
	 * @return {@code true} if it, its family or its user's tokens were revoked
	 * @throws TokenStoreUnavailableException if the store is down and fail-closed is set
	 */
	public boolean isRevoked(Jwt jwt) {
		Instant issuedAt = (jwt.getIssuedAt() != null) ? jwt.getIssuedAt() : Instant.EPOCH;
		return isRevoked(jwt.getId(), jwt.getClaimAsString(TokenRevoker.FAMILY_CLAIM), jwt.getSubject(), issuedAt);
	}

	/**
	 * Whether a verified access token has been revoked, from its already extracted claims.
	 * @param tokenId the {@code jti}, or {@code null}
	 * @param familyId the {@code sid}, or {@code null}
	 * @param subject the {@code sub}
	 * @param issuedAt the {@code iat}
	 * @return {@code true} if it, its family or its user's tokens were revoked
	 * @throws TokenStoreUnavailableException if the store is down and fail-closed is set
	 */
	public boolean isRevoked(@Nullable String tokenId, @Nullable String familyId, String subject, Instant issuedAt) {
		String cacheKey = tokenId;
		Instant now = (this.cacheBound.isZero()) ? Instant.EPOCH : this.clock.instant();
		if (cacheKey != null && !this.cacheBound.isZero()) {
			Instant until = this.notRevokedUntil.get(cacheKey);
			if (until != null && now.isBefore(until)) {
				return false;
			}
		}
		boolean revoked;
		try {
			revoked = this.store.isRevoked(tokenId, familyId, subject, issuedAt);
		}
		catch (TokenStoreUnavailableException ex) {
			if (this.outage.compareAndSet(false, true)) {
				logger.warn("The token store is unavailable: " + (this.failClosed
						? "refusing access tokens with 503 until it is back (jwt.store.fail-closed=true)"
						: "accepting access tokens without the revocation check until it is back"), ex);
			}
			if (this.failClosed) {
				throw ex;
			}
			return false;
		}
		if (this.outage.get() && this.outage.compareAndSet(true, false)) {
			logger.info("The token store is available again; revocation checks resumed");
		}
		if (!revoked && cacheKey != null && !this.cacheBound.isZero()) {
			if (this.notRevokedUntil.size() >= this.cacheMaxEntries) {
				this.notRevokedUntil.clear();
			}
			this.notRevokedUntil.put(cacheKey, now.plus(this.cacheBound));
		}
		return revoked;
	}

	/**
	 * Forget every cached answer; called after a revocation through this instance.
	 */
	public void invalidate() {
		this.notRevokedUntil.clear();
	}

	/**
	 * Return how many answers are cached.
	 * @return the number of cached answers
	 */
	public int cacheSize() {
		return this.notRevokedUntil.size();
	}

}
