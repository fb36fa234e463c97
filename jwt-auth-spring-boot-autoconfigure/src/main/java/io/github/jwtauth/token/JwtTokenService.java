package io.github.jwtauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.AuthBackendUnavailableException;
import io.github.jwtauth.refresh.InvalidRefreshTokenException;
import io.github.jwtauth.refresh.RefreshGrant;
import io.github.jwtauth.refresh.RefreshTokenService;
import io.github.jwtauth.refresh.TokenRevoker;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.Assert;

/**
 * Issues and reads the starter's tokens; the bean application code injects to log a user in
 * from code (after sign-up, say) or to check a token outside a request, as bottle-jwt's
 * provider did.
 * <p>
 * Access tokens are compact JWS with {@code sub}, {@code iat}, {@code exp}, {@code jti},
 * {@code sid} (the refresh-token family, that is the login session) and, when the backend
 * gives roles, {@code roles}. Refresh tokens are opaque, so neither kind
 * is ever accepted in place of the other.
 *
 * @param <U> the user type of the {@link AuthBackend}
 */
public final class JwtTokenService<U> {

	/** Name of the claim that carries the backend's roles. */
	public static final String ROLES_CLAIM = "roles";

	private final AuthBackend<U> backend;

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final RefreshTokenService refreshTokens;

	private final Clock clock;

	private final Duration ttl;

	private JwsAlgorithm algorithm = MacAlgorithm.HS256;

	private @Nullable String keyId;

	private @Nullable String issuer;

	private List<String> audience = List.of();

	private List<JwtClaimsCustomizer<? super U>> customizers = List.of();

	public JwtTokenService(AuthBackend<U> backend, JwtEncoder encoder, JwtDecoder decoder,
			RefreshTokenService refreshTokens, Clock clock, Duration ttl) {
		Assert.notNull(backend, "backend cannot be null");
		Assert.notNull(encoder, "encoder cannot be null");
		Assert.notNull(decoder, "decoder cannot be null");
		Assert.notNull(refreshTokens, "refreshTokens cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(ttl != null && !ttl.isNegative() && !ttl.isZero(), "ttl must be positive");
		this.backend = new GuardedAuthBackend<>(backend);
		this.encoder = encoder;
		this.decoder = decoder;
		this.refreshTokens = refreshTokens;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * Set the signing algorithm and the key id written to the {@code kid} header.
	 * @param algorithm the algorithm of the encoder's key
	 * @param keyId the key id, or {@code null} for none
	 */
	public void setAlgorithm(JwsAlgorithm algorithm, @Nullable String keyId) {
		Assert.notNull(algorithm, "algorithm cannot be null");
		this.algorithm = algorithm;
		this.keyId = keyId;
	}

	/**
	 * Set the issuer written to {@code iss}.
	 * @param issuer the issuer, or {@code null} for none
	 */
	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	/**
	 * Set the audiences written to {@code aud}.
	 * @param audience the audiences, empty for none
	 */
	public void setAudience(List<String> audience) {
		Assert.notNull(audience, "audience cannot be null");
		this.audience = List.copyOf(audience);
	}

	/**
	 * Set the customizers that add claims at issue time, in order.
	 * @param customizers the customizers
	 */
	public void setClaimsCustomizers(List<JwtClaimsCustomizer<? super U>> customizers) {
		Assert.notNull(customizers, "customizers cannot be null");
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Issue a new access token and a new refresh token for a user.
	 * @param user a user returned by the {@link AuthBackend}
	 * @return the token pair
	 */
	public TokenPair issue(U user) {
		Assert.notNull(user, "user cannot be null");
		return pair(user, this.refreshTokens.startFamily(this.backend.idOf(user)));
	}

	/**
	 * Redeem a refresh token for a new pair of the same family (session). The presented
	 * token stops working; presenting it again revokes the family.
	 * @param refreshToken the refresh token the client holds
	 * @return the new token pair
	 * @throws InvalidRefreshTokenException if the token is unknown, used, expired, or its
	 * user no longer exists
	 * @throws AuthBackendUnavailableException if the backend fails
	 */
	public TokenPair refresh(String refreshToken) {
		Assert.notNull(refreshToken, "refreshToken cannot be null");
		RefreshGrant grant = this.refreshTokens.rotate(refreshToken);
		U user = this.backend.findById(grant.subject())
			.orElseThrow(() -> new InvalidRefreshTokenException("The user of this refresh token no longer exists"));
		return pair(user, grant);
	}

	/**
	 * Verify an access token string: signature, algorithm, spelling and time claims, exactly
	 * as for a request. The user is not looked up.
	 * @param token the compact JWS
	 * @return the verified token
	 * @throws JwtException if the token is not valid
	 */
	public Jwt decode(String token) {
		Assert.notNull(token, "token cannot be null");
		return this.decoder.decode(token);
	}

	/**
	 * Return the lifetime of access tokens.
	 * @return the lifetime
	 */
	public Duration getTtl() {
		return this.ttl;
	}

	private TokenPair pair(U user, RefreshGrant grant) {
		String accessToken = createAccessToken(user, grant.subject(), grant.familyId());
		return new TokenPair(accessToken, this.ttl, grant.token(), this.refreshTokens.getTtl());
	}

	private String createAccessToken(U user, String subject, String familyId) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder();
		Collection<String> roles = this.backend.rolesOf(user);
		if (!roles.isEmpty()) {
			claims.claim(ROLES_CLAIM, List.copyOf(roles));
		}
		for (JwtClaimsCustomizer<? super U> customizer : this.customizers) {
			customizer.customize(user, claims);
		}
		// Registered claims last, so that no customizer can forge them.
		claims.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plus(this.ttl))
			.id(UUID.randomUUID().toString())
			.claim(TokenRevoker.FAMILY_CLAIM, familyId)
			.claims((map) -> {
				map.remove(JwtClaimNames.NBF);
				map.remove(JwtClaimNames.ISS);
				map.remove(JwtClaimNames.AUD);
			});
		if (this.issuer != null) {
			claims.issuer(this.issuer);
		}
		if (!this.audience.isEmpty()) {
			claims.audience(this.audience);
		}
		JwsHeader.Builder header = JwsHeader.with(this.algorithm).type("JWT");
		if (this.keyId != null) {
			header.keyId(this.keyId);
		}
		return this.encoder.encode(JwtEncoderParameters.from(header.build(), claims.build())).getTokenValue();
	}

}
