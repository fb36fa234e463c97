package io.github.jwtauth.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.github.jwtauth.web.ProtectedRequestMatcher;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.ClassUtils;

/**
 * Configuration properties of jwt-auth-spring-boot.
 */
@ConfigurationProperties("jwt")
public class JwtAuthProperties implements InitializingBean {

	/** Smallest HS256 key accepted: the output size of SHA-256 (RFC 7518 §3.2). */
	static final int MIN_SECRET_BYTES = 32;

	/**
	 * HMAC key that signs and verifies access tokens, taken as UTF-8 bytes; at least 32
	 * bytes. Generate one with 'openssl rand -base64 48'. When absent, a random key is
	 * generated at startup and tokens die with the process (development only).
	 */
	private @Nullable String secret;

	/**
	 * Lifetime of access tokens. Bare numbers are seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration ttl = Duration.ofMinutes(15);

	/**
	 * Lifetime of refresh tokens. Bare numbers are seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration refreshTtl = Duration.ofDays(14);

	/**
	 * Authorization header schemes accepted for access tokens, compared case-insensitively.
	 */
	private List<String> schemes = new ArrayList<>(List.of("Bearer", "JWT"));

	/**
	 * Tolerance for clock differences between servers, applied to the exp, nbf and iat
	 * claims. Bare numbers are seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration clockSkew = Duration.ofSeconds(30);

	/**
	 * Which requests need an access token: 'annotated' for handlers marked with
	 * '@JwtAuthRequired' only, 'all' for every request except the login and refresh
	 * endpoints.
	 */
	private ProtectedRequestMatcher.Scope scope = ProtectedRequestMatcher.Scope.ANNOTATED;

	/**
	 * Signing algorithm. Default: HS256 with a secret, or derived from the signing key (RSA
	 * keys RS256, P-256 ES256, P-384 ES384). Only this one algorithm is
	 * accepted when verifying.
	 */
	private @Nullable Algorithm algorithm;

	/**
	 * Asymmetric keys, instead of a secret. All verify (chosen by the token's kid); one
	 * signs. List the old key after the new one while rotating, and drop it once its tokens
	 * have expired.
	 */
	private List<Key> keys = new ArrayList<>();

	/**
	 * Id of the key in jwt.keys that signs. Default: the first key.
	 */
	private @Nullable String signingKeyId;

	/**
	 * Issuer written to the iss claim and required of every token. Unset: no iss.
	 */
	private @Nullable String issuer;

	/**
	 * Audiences written to the aud claim; a token must name at least one of them. Unset: no
	 * aud.
	 */
	private List<String> audience = new ArrayList<>();

	/**
	 * Prefix that turns a role of the roles claim into a Spring Security authority.
	 */
	private String authorityPrefix = "ROLE_";

	/**
	 * Where the user of a token comes from on each request: 'per-request' asks the
	 * AuthBackend every time (a deleted user is locked out at once), 'cached' reuses its
	 * answer for jwt.user-cache.ttl, 'claims-only' never asks and makes the verified Jwt the
	 * principal.
	 */
	private UserLookup userLookup = UserLookup.PER_REQUEST;

	private final Endpoints endpoints = new Endpoints();

	private final TokenCache tokenCache = new TokenCache();

	private final UserCache userCache = new UserCache();

	private final Fields fields = new Fields();

	private final Refresh refresh = new Refresh();

	private final Store store = new Store();

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public Duration getTtl() {
		return this.ttl;
	}

	public void setTtl(Duration ttl) {
		this.ttl = ttl;
	}

	public Duration getRefreshTtl() {
		return this.refreshTtl;
	}

	public void setRefreshTtl(Duration refreshTtl) {
		this.refreshTtl = refreshTtl;
	}

	public List<String> getSchemes() {
		return this.schemes;
	}

	public void setSchemes(List<String> schemes) {
		this.schemes = schemes;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public ProtectedRequestMatcher.Scope getScope() {
		return this.scope;
	}

	public void setScope(ProtectedRequestMatcher.Scope scope) {
		this.scope = scope;
	}

	public @Nullable Algorithm getAlgorithm() {
		return this.algorithm;
	}

	public void setAlgorithm(@Nullable Algorithm algorithm) {
		this.algorithm = algorithm;
	}

	public List<Key> getKeys() {
		return this.keys;
	}

	public void setKeys(List<Key> keys) {
		this.keys = keys;
	}

	public @Nullable String getSigningKeyId() {
		return this.signingKeyId;
	}

	public void setSigningKeyId(@Nullable String signingKeyId) {
		this.signingKeyId = signingKeyId;
	}

	public @Nullable String getIssuer() {
		return this.issuer;
	}

	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	public List<String> getAudience() {
		return this.audience;
	}

	public void setAudience(List<String> audience) {
		this.audience = audience;
	}

	public String getAuthorityPrefix() {
		return this.authorityPrefix;
	}

	public void setAuthorityPrefix(String authorityPrefix) {
		this.authorityPrefix = authorityPrefix;
	}

	public UserLookup getUserLookup() {
		return this.userLookup;
	}

	public void setUserLookup(UserLookup userLookup) {
		this.userLookup = userLookup;
	}

	public TokenCache getTokenCache() {
		return this.tokenCache;
	}

	public UserCache getUserCache() {
		return this.userCache;
	}

	public Endpoints getEndpoints() {
		return this.endpoints;
	}

	public Fields getFields() {
		return this.fields;
	}

	public Refresh getRefresh() {
		return this.refresh;
	}

	public Store getStore() {
		return this.store;
	}

	@Override
	public void afterPropertiesSet() {
		validate();
	}

	/**
	 * Fail fast on values the starter cannot run with.
	 * @throws InvalidJwtPropertyException naming the first offending property
	 */
	public void validate() {
		if (this.secret != null && this.secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
			throw new InvalidJwtPropertyException("jwt.secret",
					"the secret is " + this.secret.getBytes(StandardCharsets.UTF_8).length
							+ " bytes long, but HS256 needs at least " + MIN_SECRET_BYTES + " bytes (256 bits)",
					"Set 'jwt.secret' to a random value of at least " + MIN_SECRET_BYTES
							+ " bytes, for example the output of 'openssl rand -base64 48', "
							+ "or remove it during development to use an ephemeral key.");
		}
		requirePositive("jwt.ttl", this.ttl, "15m");
		requirePositive("jwt.refresh-ttl", this.refreshTtl, "14d");
		if (this.clockSkew == null || this.clockSkew.isNegative()) {
			throw new InvalidJwtPropertyException("jwt.clock-skew", "it must not be negative",
					"Set 'jwt.clock-skew' to a duration of zero or more, such as 30s.");
		}
		if (this.schemes == null || this.schemes.isEmpty()
				|| this.schemes.stream().anyMatch((scheme) -> scheme == null || !isToken(scheme.trim()))) {
			throw new InvalidJwtPropertyException("jwt.schemes",
					"it must list at least one scheme, each a single word such as Bearer",
					"Set 'jwt.schemes' to 'Bearer' or 'Bearer,JWT', or remove it to accept both.");
		}
		requirePath("jwt.endpoints.auth", this.endpoints.getAuth());
		requirePath("jwt.endpoints.refresh", this.endpoints.getRefresh());
		requirePath("jwt.endpoints.logout", this.endpoints.getLogout());
		requirePath("jwt.endpoints.logout-all", this.endpoints.getLogoutAll());
		requirePath("jwt.endpoints.jwks", this.endpoints.getJwks());
		List<String> paths = List.of(this.endpoints.getAuth(), this.endpoints.getRefresh(), this.endpoints.getLogout(),
				this.endpoints.getLogoutAll(), this.endpoints.getJwks());
		List<String> names = List.of("jwt.endpoints.auth", "jwt.endpoints.refresh", "jwt.endpoints.logout",
				"jwt.endpoints.logout-all", "jwt.endpoints.jwks");
		for (int i = 1; i < paths.size(); i++) {
			int first = paths.indexOf(paths.get(i));
			if (first < i) {
				throw new InvalidJwtPropertyException(names.get(i), "it is the same path as " + names.get(first),
						"Give each endpoint its own path, such as /auth, /auth/refresh, /auth/logout and /auth/logout-all.");
			}
		}
		if (this.refresh.getReuseGrace() == null || this.refresh.getReuseGrace().isNegative()) {
			throw new InvalidJwtPropertyException("jwt.refresh.reuse-grace", "it must not be negative",
					"Set 'jwt.refresh.reuse-grace' to a duration of zero or more, such as 5s.");
		}
		this.store.validate();
		if (this.tokenCache.getMaxEntries() < 0) {
			throw new InvalidJwtPropertyException("jwt.token-cache.max-entries", "it must not be negative",
					"Set 'jwt.token-cache.max-entries' to 0 (off) or a bound such as 10000.");
		}
		requirePositive("jwt.user-cache.ttl", this.userCache.getTtl(), "30s");
		if (this.userCache.getMaxEntries() <= 0) {
			throw new InvalidJwtPropertyException("jwt.user-cache.max-entries", "it must be positive",
					"Set 'jwt.user-cache.max-entries' to a positive number, such as 10000.");
		}
		requireField("jwt.fields.username", this.fields.getUsername());
		requireField("jwt.fields.password", this.fields.getPassword());
		if (this.fields.getUsername().equals(this.fields.getPassword())) {
			throw new InvalidJwtPropertyException("jwt.fields.password", "it is the same name as jwt.fields.username",
					"Give the username and password fields different names.");
		}
	}

	private static void requirePositive(String property, @Nullable Duration value, String example) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidJwtPropertyException(property, "it must be a positive duration",
					"Set '" + property + "' to a positive duration, such as " + example + ".");
		}
	}

	private static void requirePath(String property, @Nullable String path) {
		if (path == null || !path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
			throw new InvalidJwtPropertyException(property, "it must be a path starting with '/'",
					"Set '" + property + "' to a path such as /auth.");
		}
	}

	private static void requireField(String property, @Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidJwtPropertyException(property, "it must not be empty",
					"Set '" + property + "' to the name of the login field, or remove it to use the default.");
		}
	}

	private static boolean isToken(String value) {
		// RFC 9110 §5.6.2 token characters: what a scheme word may be made of.
		return !value.isEmpty() && value.chars().allMatch((c) -> c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
	}

	/**
	 * Refresh-token rotation.
	 */
	public static class Refresh {

		/**
		 * How long after a refresh token was used it may be presented again (a retry, two
		 * browser tabs) and still get a valid pair of its family instead of revoking the
		 * family as stolen. Zero makes every second use revoke. Bare numbers are seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration reuseGrace = Duration.ofSeconds(5);

		public Duration getReuseGrace() {
			return this.reuseGrace;
		}

		public void setReuseGrace(Duration reuseGrace) {
			this.reuseGrace = reuseGrace;
		}

	}

	/**
	 * Paths of the starter's endpoints.
	 */
	public static class Endpoints {

		/**
		 * Path of the login endpoint (POST).
		 */
		private String auth = "/auth";

		/**
		 * Path of the refresh endpoint (POST).
		 */
		private String refresh = "/auth/refresh";

		/**
		 * Path of the logout endpoint (POST, with an access token): revokes that token and
		 * its session.
		 */
		private String logout = "/auth/logout";

		/**
		 * Path of the logout-everywhere endpoint (POST, with an access token): revokes every
		 * token of the user.
		 */
		private String logoutAll = "/auth/logout-all";

		/**
		 * Path of the JWKS endpoint (GET) that publishes the public keys; absent with a
		 * secret, whose key must stay private.
		 */
		private String jwks = "/.well-known/jwks.json";

		public String getJwks() {
			return this.jwks;
		}

		public void setJwks(String jwks) {
			this.jwks = jwks;
		}

		public String getLogout() {
			return this.logout;
		}

		public void setLogout(String logout) {
			this.logout = logout;
		}

		public String getLogoutAll() {
			return this.logoutAll;
		}

		public void setLogoutAll(String logoutAll) {
			this.logoutAll = logoutAll;
		}

		public String getAuth() {
			return this.auth;
		}

		public void setAuth(String auth) {
			this.auth = auth;
		}

		public String getRefresh() {
			return this.refresh;
		}

		public void setRefresh(String refresh) {
			this.refresh = refresh;
		}

	}

	/**
	 * Names of the login fields.
	 */
	public static class Fields {

		/**
		 * Name of the login field that holds the username.
		 */
		private String username = "username";

		/**
		 * Name of the login field that holds the password.
		 */
		private String password = "password";

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

	}


	/**
	 * Where refresh tokens and revocations live.
	 */
	public static class Store {

		/**
		 * Kind of token store: 'memory' for one instance, 'jdbc' (any DataSource) or 'redis'
		 * for several instances that share state.
		 */
		private StoreType type = StoreType.MEMORY;

		/**
		 * Whether to refuse access tokens (503) while the store is unreachable, instead of
		 * verifying them without the revocation check.
		 */
		private boolean failClosed;

		/**
		 * How long an instance may reuse a "not revoked" answer before asking the store
		 * again; a revocation made on another instance is enforced here within this bound.
		 * Zero (the default) asks the store on every request. Bare numbers are seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration revocationCache = Duration.ZERO;

		/**
		 * Most "not revoked" answers an instance keeps when the revocation cache is on.
		 */
		private int revocationCacheMaxEntries = 100_000;

		/**
		 * How often expired refresh tokens and revocations are deleted. Bare numbers are
		 * seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration cleanupInterval = Duration.ofMinutes(10);

		private final Memory memory = new Memory();

		private final Jdbc jdbc = new Jdbc();

		private final Redis redis = new Redis();

		public StoreType getType() {
			return this.type;
		}

		public void setType(StoreType type) {
			this.type = type;
		}

		public boolean isFailClosed() {
			return this.failClosed;
		}

		public void setFailClosed(boolean failClosed) {
			this.failClosed = failClosed;
		}

		public Duration getRevocationCache() {
			return this.revocationCache;
		}

		public void setRevocationCache(Duration revocationCache) {
			this.revocationCache = revocationCache;
		}

		public int getRevocationCacheMaxEntries() {
			return this.revocationCacheMaxEntries;
		}

		public void setRevocationCacheMaxEntries(int revocationCacheMaxEntries) {
			this.revocationCacheMaxEntries = revocationCacheMaxEntries;
		}

		public Duration getCleanupInterval() {
			return this.cleanupInterval;
		}

		public void setCleanupInterval(Duration cleanupInterval) {
			this.cleanupInterval = cleanupInterval;
		}

		public Memory getMemory() {
			return this.memory;
		}

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		public Redis getRedis() {
			return this.redis;
		}

		void validate() {
			if (this.revocationCache == null || this.revocationCache.isNegative()) {
				throw new InvalidJwtPropertyException("jwt.store.revocation-cache", "it must not be negative",
						"Set 'jwt.store.revocation-cache' to 0 (off) or a short bound such as 5s.");
			}
			if (this.revocationCacheMaxEntries <= 0) {
				throw new InvalidJwtPropertyException("jwt.store.revocation-cache-max-entries", "it must be positive",
						"Set 'jwt.store.revocation-cache-max-entries' to a positive number, such as 100000.");
			}
			requirePositive("jwt.store.cleanup-interval", this.cleanupInterval, "10m");
			if (this.memory.getMaxEntries() <= 0) {
				throw new InvalidJwtPropertyException("jwt.store.memory.max-entries", "it must be positive",
						"Set 'jwt.store.memory.max-entries' to a positive number, such as 100000.");
			}
			if (this.jdbc.getTablePrefix() == null
					|| !this.jdbc.getTablePrefix().matches("[A-Za-z_][A-Za-z0-9_]{0,40}")) {
				throw new InvalidJwtPropertyException("jwt.store.jdbc.table-prefix",
						"it must be letters, digits and underscores, starting with a letter or underscore",
						"Set 'jwt.store.jdbc.table-prefix' to a name prefix such as jwt_.");
			}
			if (this.type == StoreType.JDBC
					&& !ClassUtils.isPresent("org.springframework.jdbc.core.simple.JdbcClient", null)) {
				throw new InvalidJwtPropertyException("jwt.store.type", "'jdbc' needs Spring JDBC on the classpath",
						"Add spring-boot-starter-jdbc and your database's driver, or choose another store type.");
			}
			if (this.type == StoreType.REDIS
					&& !ClassUtils.isPresent("org.springframework.data.redis.core.StringRedisTemplate", null)) {
				throw new InvalidJwtPropertyException("jwt.store.type",
						"'redis' needs Spring Data Redis on the classpath",
						"Add spring-boot-starter-data-redis, or choose another store type.");
			}
		}

	}

	/**
	 * Kinds of token store.
	 */
	public enum StoreType {

		/** In the heap of one instance. */
		MEMORY,

		/** In a SQL database, through the application's DataSource. */
		JDBC,

		/** In Redis, through Spring Data Redis. */
		REDIS

	}

	/**
	 * The in-memory store.
	 */
	public static class Memory {

		/**
		 * Most refresh tokens kept; beyond it, logins answer 503 until expired ones are
		 * swept.
		 */
		private int maxEntries = 100_000;

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

	}

	/**
	 * The JDBC store.
	 */
	public static class Jdbc {

		/**
		 * Whether to create the store's tables at startup if they do not exist (PostgreSQL
		 * and H2).
		 */
		private boolean initializeSchema;

		/**
		 * Prefix of the store's table names.
		 */
		private String tablePrefix = "jwt_";

		public boolean isInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(boolean initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public String getTablePrefix() {
			return this.tablePrefix;
		}

		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

	}

	/**
	 * The Redis store.
	 */
	public static class Redis {

		/**
		 * Prefix of the store's keys.
		 */
		private String keyPrefix = "jwt:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}


	/**
	 * Signing algorithms.
	 */
	public enum Algorithm {

		/** HMAC with SHA-256; a secret of 32+ bytes. */
		HS256,

		/** HMAC with SHA-384; a secret of 48+ bytes. */
		HS384,

		/** HMAC with SHA-512; a secret of 64+ bytes. */
		HS512,

		/** RSASSA-PKCS1-v1_5 with SHA-256; RSA keys of 2048+ bits. */
		RS256,

		/** RSASSA-PSS with SHA-256; RSA keys of 2048+ bits. */
		PS256,

		/** ECDSA on P-256 with SHA-256. */
		ES256,

		/** ECDSA on P-384 with SHA-384. */
		ES384;

		/**
		 * Return the JWS name of the algorithm.
		 * @return the name, such as RS256
		 */
		public String jwsName() {
			return name();
		}

	}

	/**
	 * One asymmetric key.
	 */
	public static class Key {

		/**
		 * Key id, written to the kid header of the tokens it signs.
		 */
		private @Nullable String id;

		/**
		 * PKCS#8 private key in PEM: a resource location (classpath:, file:) or the PEM
		 * text itself. Only the signing key needs one.
		 */
		private @Nullable String privateKey;

		/**
		 * X.509 public key in PEM: a resource location or the PEM text. May be omitted for an
		 * RSA key with a private key.
		 */
		private @Nullable String publicKey;

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable String getPrivateKey() {
			return this.privateKey;
		}

		public void setPrivateKey(@Nullable String privateKey) {
			this.privateKey = privateKey;
		}

		public @Nullable String getPublicKey() {
			return this.publicKey;
		}

		public void setPublicKey(@Nullable String publicKey) {
			this.publicKey = publicKey;
		}

		@Override
		public String toString() {
			return "Key[id=" + this.id + "]";
		}

	}


	/**
	 * Where the user of a token comes from.
	 */
	public enum UserLookup {

		/** Ask the AuthBackend on every request. */
		PER_REQUEST,

		/** Reuse the AuthBackend's answer for jwt.user-cache.ttl. */
		CACHED,

		/** Never ask; the principal is the verified Jwt. */
		CLAIMS_ONLY

	}

	/**
	 * The cache of verified tokens.
	 */
	public static class TokenCache {

		/**
		 * Most verified tokens remembered, so that a token seen again skips parsing and
		 * signature verification (revocation is still checked); 0 turns the cache off.
		 */
		private int maxEntries = 10_000;

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

	}

	/**
	 * The cache of users, for jwt.user-lookup=cached.
	 */
	public static class UserCache {

		/**
		 * How long a user found by the AuthBackend is reused; a deleted or disabled user keeps
		 * access for at most this long. Bare numbers are seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration ttl = Duration.ofSeconds(30);

		/**
		 * Most users cached.
		 */
		private int maxEntries = 10_000;

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

	}

}
