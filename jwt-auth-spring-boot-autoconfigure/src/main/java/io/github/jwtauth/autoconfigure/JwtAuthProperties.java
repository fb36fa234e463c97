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

	private final Endpoints endpoints = new Endpoints();

	private final Fields fields = new Fields();

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

	public Endpoints getEndpoints() {
		return this.endpoints;
	}

	public Fields getFields() {
		return this.fields;
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
		if (this.endpoints.getAuth().equals(this.endpoints.getRefresh())) {
			throw new InvalidJwtPropertyException("jwt.endpoints.refresh", "it is the same path as jwt.endpoints.auth",
					"Give the login and refresh endpoints different paths, such as /auth and /auth/refresh.");
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

}
