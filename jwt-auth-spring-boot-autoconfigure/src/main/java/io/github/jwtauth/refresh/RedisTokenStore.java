package io.github.jwtauth.refresh;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * A {@link TokenStore} in Redis through Spring Data Redis, shared by every instance that uses
 * the same Redis. Every key expires with what it holds (Redis TTL), so no cleanup job is
 * needed.
 * <p>
 * Consumption is one Lua script, which Redis runs atomically: of concurrent refreshes of one
 * token exactly one sees it unconsumed. Revocation checks are one {@code MGET}.
 */
public final class RedisTokenStore implements TokenStore {

	private static final String PRESENT = Long.toString(Long.MAX_VALUE);

	/** Stores a refresh token as a hash that expires with it. */
	private static final RedisScript<Long> SAVE = RedisScript.of("""
			redis.call('HSET', KEYS[1], 'fid', ARGV[1], 'sub', ARGV[2], 'fiat', ARGV[3], 'exp', ARGV[4])
			redis.call('PEXPIREAT', KEYS[1], ARGV[4])
			return 1
			""", Long.class);

	/** Marks a refresh token consumed unless it was, returning its fields and the earlier mark. */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CONSUME = RedisScript.of("""
			local v = redis.call('HMGET', KEYS[1], 'fid', 'sub', 'fiat', 'exp', 'used')
			if not v[1] then return nil end
			if not v[5] then redis.call('HSET', KEYS[1], 'used', ARGV[1]) end
			return v
			""", List.class);

	/** Keeps the later of two marks and the later of two expiries. */
	private static final RedisScript<Long> REVOKE = RedisScript.of("""
			local old = redis.call('GET', KEYS[1])
			if (not old) or tonumber(old) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
			local remaining = redis.call('PTTL', KEYS[1])
			if remaining < tonumber(ARGV[2]) - tonumber(ARGV[3]) then redis.call('PEXPIREAT', KEYS[1], ARGV[2]) end
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	public RedisTokenStore(StringRedisTemplate redis, String keyPrefix) {
		Assert.notNull(redis, "redis cannot be null");
		Assert.notNull(keyPrefix, "keyPrefix cannot be null");
		this.redis = redis;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public void saveRefreshToken(String tokenHash, RefreshTokenRecord token) {
		try {
			this.redis.execute(SAVE, List.of(refreshKey(tokenHash)), token.familyId(), token.subject(),
					Long.toString(token.familyIssuedAt().toEpochMilli()),
					Long.toString(token.expiresAt().toEpochMilli()));
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public @Nullable RefreshTokenRecord findRefreshToken(String tokenHash) {
		List<Object> fields;
		try {
			fields = this.redis.<String, Object>opsForHash()
				.multiGet(refreshKey(tokenHash), List.of("fid", "sub", "fiat", "exp"));
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
		if (fields.isEmpty() || fields.get(0) == null) {
			return null;
		}
		return record(fields);
	}

	private static RefreshTokenRecord record(List<?> fields) {
		return new RefreshTokenRecord(String.valueOf(fields.get(0)), String.valueOf(fields.get(1)),
				Instant.ofEpochMilli(Long.parseLong(String.valueOf(fields.get(2)))),
				Instant.ofEpochMilli(Long.parseLong(String.valueOf(fields.get(3)))));
	}

	@Override
	public @Nullable ConsumedRefreshToken consumeRefreshToken(String tokenHash, Instant now) {
		List<?> fields;
		try {
			fields = this.redis.execute(CONSUME, List.of(refreshKey(tokenHash)), Long.toString(now.toEpochMilli()));
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
		if (fields == null || fields.size() < 5 || fields.get(0) == null) {
			return null;
		}
		RefreshTokenRecord token = record(fields);
		Object used = fields.get(4);
		return new ConsumedRefreshToken(token,
				(used != null) ? Instant.ofEpochMilli(Long.parseLong(String.valueOf(used))) : null);
	}

	@Override
	public void revokeFamily(String familyId, Instant until) {
		revoke(RevocationKeys.family(familyId), PRESENT, until);
	}

	@Override
	public void revokeAccessToken(String tokenId, Instant until) {
		revoke(RevocationKeys.token(tokenId), PRESENT, until);
	}

	@Override
	public void revokeSubject(String subject, Instant notBefore, Instant until) {
		revoke(RevocationKeys.subject(subject), Long.toString(notBefore.toEpochMilli()), until);
	}

	@Override
	public boolean isRevoked(@Nullable String tokenId, @Nullable String familyId, String subject, Instant issuedAt) {
		String subjectKey = RevocationKeys.subject(subject);
		List<String> values;
		try {
			values = this.redis.opsForValue()
				.multiGet(List.of(revocationKey((tokenId != null) ? RevocationKeys.token(tokenId) : subjectKey),
						revocationKey((familyId != null) ? RevocationKeys.family(familyId) : subjectKey),
						revocationKey(subjectKey)));
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
		if (values == null) {
			throw new TokenStoreUnavailableException("Redis answered no values");
		}
		if ((tokenId != null && values.get(0) != null) || (familyId != null && values.get(1) != null)) {
			return true;
		}
		String mark = values.get(2);
		return mark != null && RevocationKeys.isIssuedBy(issuedAt, Instant.ofEpochMilli(Long.parseLong(mark)));
	}

	@Override
	public int removeExpired(Instant now) {
		// Redis expires every key by itself.
		return 0;
	}

	private void revoke(String key, String notBefore, Instant until) {
		try {
			this.redis.execute(REVOKE, List.of(revocationKey(key)), notBefore, Long.toString(until.toEpochMilli()),
					Long.toString(System.currentTimeMillis()));
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	private String refreshKey(String tokenHash) {
		return this.keyPrefix + "rt:" + tokenHash;
	}

	private String revocationKey(String key) {
		return this.keyPrefix + "rv:" + key;
	}

	private static TokenStoreUnavailableException unavailable(DataAccessException ex) {
		return new TokenStoreUnavailableException("The Redis token store is unavailable", ex);
	}

}
