package io.github.jwtauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.jwtauth.refresh.TokenRevoker;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.Assert;

/**
 * Remembers tokens that passed every stateless check (spelling, signature, algorithm, time
 * claims, issuer, audience, custom validators), keyed by the full token string, so that a
 * token seen again skips parsing and signature verification, which are most of the cost of a
 * request. The revocation check runs on every call, cached or not.
 * <p>
 * A cached token is only ever judged again on its expiry: its {@code nbf} and {@code iat}
 * can only become more valid as time passes. Entries die at {@code exp} plus the clock skew;
 * the cache never holds more than {@code maxEntries} tokens (when full, expired entries are
 * swept and, if it is still full, new tokens are verified without being cached). A sweep
 * runs only once the earliest remaining entry can have expired, so that a flood of distinct
 * valid tokens costs no more per request than one that was never cached.
 */
public final class CachingJwtDecoder implements JwtDecoder {

	private static final List<OAuth2Error> REVOKED = List
		.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has been revoked", null));

	private final JwtDecoder delegate;

	private final @Nullable RevocationChecker revocations;

	private final Clock clock;

	private final long skewMillis;

	private final int maxEntries;

	private final ConcurrentMap<String, Entry> cache;

	/** No entry expires before this instant (epoch millis), so no sweep can free room earlier. */
	private volatile long nextSweep;

	/**
	 * Create a decoder.
	 * @param delegate the decoder that performs every stateless check
	 * @param revocations the revocation check, run on every call; {@code null} for none
	 * @param clock the clock
	 * @param clockSkew the tolerance applied to {@code exp}
	 * @param maxEntries most tokens cached; zero turns the cache off
	 */
	public CachingJwtDecoder(JwtDecoder delegate, @Nullable RevocationChecker revocations, Clock clock,
			Duration clockSkew, int maxEntries) {
		Assert.notNull(delegate, "delegate cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(clockSkew, "clockSkew cannot be null");
		Assert.isTrue(maxEntries >= 0, "maxEntries must not be negative");
		this.delegate = delegate;
		this.revocations = revocations;
		this.clock = clock;
		this.skewMillis = clockSkew.toMillis();
		this.maxEntries = maxEntries;
		this.cache = new ConcurrentHashMap<>(Math.min(maxEntries, 1024));
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		long now = this.clock.millis();
		Entry entry = (this.maxEntries > 0) ? this.cache.get(token) : null;
		if (entry == null || now > entry.validUntil()) {
			if (entry != null) {
				this.cache.remove(token, entry);
			}
			entry = verify(token, now);
		}
		if (this.revocations != null
				&& this.revocations.isRevoked(entry.tokenId(), entry.familyId(), entry.subject(), entry.issuedAt())) {
			throw new JwtValidationException("The token has been revoked", REVOKED);
		}
		return entry.jwt();
	}

	/**
	 * Return how many tokens are cached.
	 * @return the number of cached tokens
	 */
	public int size() {
		return this.cache.size();
	}

	private Entry verify(String token, long now) {
		Jwt jwt = this.delegate.decode(token);
		Instant expiresAt = jwt.getExpiresAt();
		Instant issuedAt = jwt.getIssuedAt();
		Entry entry = new Entry(jwt, (expiresAt != null) ? expiresAt.toEpochMilli() + this.skewMillis : now,
				jwt.getId(), jwt.getClaimAsString(TokenRevoker.FAMILY_CLAIM), jwt.getSubject(),
				(issuedAt != null) ? issuedAt : Instant.EPOCH);
		if (this.maxEntries > 0 && entry.validUntil() > now) {
			if (this.cache.size() >= this.maxEntries && now > this.nextSweep) {
				sweep(now);
			}
			if (this.cache.size() < this.maxEntries) {
				this.cache.put(token, entry);
				if (entry.validUntil() < this.nextSweep) {
					this.nextSweep = entry.validUntil();
				}
			}
		}
		return entry;
	}

	private void sweep(long now) {
		long earliest = Long.MAX_VALUE;
		for (Map.Entry<String, Entry> cached : this.cache.entrySet()) {
			if (now > cached.getValue().validUntil()) {
				this.cache.remove(cached.getKey(), cached.getValue());
			}
			else {
				earliest = Math.min(earliest, cached.getValue().validUntil());
			}
		}
		this.nextSweep = earliest;
	}

	private record Entry(Jwt jwt, long validUntil, @Nullable String tokenId, @Nullable String familyId,
			String subject, Instant issuedAt) {
	}

}
