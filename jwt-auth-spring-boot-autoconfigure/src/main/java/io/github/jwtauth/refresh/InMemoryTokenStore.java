package io.github.jwtauth.refresh;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A thread-safe {@link TokenStore} in the heap of one instance: the default, and right for a
 * single instance. Everything dies with the process.
 * <p>
 * Bounded: expired entries are swept every {@value #SWEEP_INTERVAL} writes, and when
 * {@code maxEntries} refresh tokens are live a new one is refused (503) rather than evicting
 * a live session. Revocations are never refused or evicted before they expire, since
 * dropping one would revive a token. While it is full, a sweep runs only once the earliest
 * refresh token can have expired, so that a refused login costs no scan of the whole store.
 */
public final class InMemoryTokenStore implements TokenStore {

	static final int SWEEP_INTERVAL = 1024;

	private final ConcurrentMap<String, Entry> refreshTokens = new ConcurrentHashMap<>();

	// One map per kind, keyed by the bare id: the per-request check builds no strings.
	private final ConcurrentMap<String, Revocation> revokedTokens = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Revocation> revokedFamilies = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Revocation> subjectMarks = new ConcurrentHashMap<>();

	private final AtomicInteger writesSinceSweep = new AtomicInteger();

	/** No refresh token expires before this instant, so no sweep can make room earlier. */
	private volatile Instant earliestExpiry = Instant.MIN;

	private final Clock clock;

	private final int maxEntries;

	public InMemoryTokenStore(Clock clock, int maxEntries) {
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(maxEntries > 0, "maxEntries must be positive");
		this.clock = clock;
		this.maxEntries = maxEntries;
	}

	@Override
	public void saveRefreshToken(String tokenHash, RefreshTokenRecord token) {
		sweepSometimes();
		if (this.refreshTokens.size() >= this.maxEntries) {
			Instant now = this.clock.instant();
			if (!now.isBefore(this.earliestExpiry)) {
				removeExpired(now);
			}
			if (this.refreshTokens.size() >= this.maxEntries) {
				throw new TokenStoreUnavailableException(
						"The in-memory token store is full (jwt.store.memory.max-entries=" + this.maxEntries + ")");
			}
		}
		this.refreshTokens.put(tokenHash, new Entry(token, null));
		if (token.expiresAt().isBefore(this.earliestExpiry)) {
			this.earliestExpiry = token.expiresAt();
		}
	}

	@Override
	public @Nullable RefreshTokenRecord findRefreshToken(String tokenHash) {
		Entry entry = this.refreshTokens.get(tokenHash);
		return (entry != null) ? entry.token() : null;
	}

	@Override
	public @Nullable ConsumedRefreshToken consumeRefreshToken(String tokenHash, Instant now) {
		ConsumedRefreshToken[] result = new ConsumedRefreshToken[1];
		this.refreshTokens.computeIfPresent(tokenHash, (hash, entry) -> {
			result[0] = new ConsumedRefreshToken(entry.token(), entry.consumedAt());
			return (entry.consumedAt() != null) ? entry : new Entry(entry.token(), now);
		});
		return result[0];
	}

	@Override
	public void revokeFamily(String familyId, Instant until) {
		revoke(this.revokedFamilies, familyId, Instant.MAX, until);
	}

	@Override
	public void revokeAccessToken(String tokenId, Instant until) {
		revoke(this.revokedTokens, tokenId, Instant.MAX, until);
	}

	@Override
	public void revokeSubject(String subject, Instant notBefore, Instant until) {
		revoke(this.subjectMarks, subject, notBefore, until);
	}

	@Override
	public boolean isRevoked(@Nullable String tokenId, @Nullable String familyId, String subject, Instant issuedAt) {
		if (tokenId != null && this.revokedTokens.containsKey(tokenId)) {
			return true;
		}
		if (familyId != null && this.revokedFamilies.containsKey(familyId)) {
			return true;
		}
		Revocation mark = this.subjectMarks.get(subject);
		return mark != null && RevocationKeys.isIssuedBy(issuedAt, mark.notBefore());
	}

	@Override
	public int removeExpired(Instant now) {
		int before = size();
		Instant earliest = Instant.MAX;
		for (Map.Entry<String, Entry> entry : this.refreshTokens.entrySet()) {
			RefreshTokenRecord token = entry.getValue().token();
			if (token.isExpiredAt(now)) {
				this.refreshTokens.remove(entry.getKey(), entry.getValue());
			}
			else if (token.expiresAt().isBefore(earliest)) {
				earliest = token.expiresAt();
			}
		}
		this.earliestExpiry = earliest;
		for (ConcurrentMap<String, Revocation> revocations : List.of(this.revokedTokens, this.revokedFamilies,
				this.subjectMarks)) {
			revocations.values().removeIf((revocation) -> !now.isBefore(revocation.until()));
		}
		return Math.max(0, before - size());
	}

	/**
	 * Return how many refresh tokens and revocations are held, expired ones included until
	 * the next sweep.
	 * @return the number of entries
	 */
	public int size() {
		return this.refreshTokens.size() + this.revokedTokens.size() + this.revokedFamilies.size()
				+ this.subjectMarks.size();
	}

	private void revoke(ConcurrentMap<String, Revocation> revocations, String key, Instant notBefore, Instant until) {
		sweepSometimes();
		revocations.merge(key, new Revocation(notBefore, until),
				(old, added) -> new Revocation(max(old.notBefore(), added.notBefore()), max(old.until(), added.until())));
	}

	private void sweepSometimes() {
		if (this.writesSinceSweep.incrementAndGet() >= SWEEP_INTERVAL) {
			this.writesSinceSweep.set(0);
			removeExpired(this.clock.instant());
		}
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private record Entry(RefreshTokenRecord token, @Nullable Instant consumedAt) {
	}

	private record Revocation(Instant notBefore, Instant until) {
	}

}
