package io.github.jwtauth.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.refresh.RefreshTokenService;
import io.github.jwtauth.refresh.TokenRevoker;
import io.github.jwtauth.refresh.TokenStore;
import io.github.jwtauth.refresh.TokenStoreCleaner;
import io.github.jwtauth.token.CanonicalJwtDecoder;
import io.github.jwtauth.token.JwtSigningSecret;
import io.github.jwtauth.token.JwtTokenService;
import io.github.jwtauth.token.RevocationChecker;
import io.github.jwtauth.token.RevocationValidator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Token beans, each replaceable.
 */
@Configuration(proxyBeanMethods = false)
class JwtTokenConfiguration {

	private static final Log logger = LogFactory.getLog(JwtTokenConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	JwtSigningSecret jwtSigningSecret(JwtAuthProperties properties) {
		String secret = properties.getSecret();
		if (secret != null) {
			return JwtSigningSecret.of(secret);
		}
		logger.warn("No 'jwt.secret' is set: signing tokens with an ephemeral random key. Every token dies "
				+ "with this process and other instances cannot verify it. Set 'jwt.secret' "
				+ "(for example to the output of 'openssl rand -base64 48') before going to production.");
		return JwtSigningSecret.ephemeral();
	}

	@Bean
	@ConditionalOnMissingBean
	JwtEncoder jwtEncoder(JwtSigningSecret secret) {
		// No kid: Spring's default one is a thumbprint of the secret, which helps no verifier.
		OctetSequenceKey jwk = new OctetSequenceKey.Builder(secret.getKey()).algorithm(JWSAlgorithm.HS256)
			.keyUse(KeyUse.SIGNATURE)
			.build();
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
	}

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(JwtSigningSecret secret, JwtAuthProperties properties, RevocationChecker revocations,
			ObjectProvider<Clock> clock) {
		Clock now = clock(clock);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secret.getKey())
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.getClockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		timestamps.setClock(now);
		OAuth2TokenValidator<Jwt> issuedAt = new JwtClaimValidator<java.time.Instant>(JwtClaimNames.IAT,
				(iat) -> iat == null || !iat.isAfter(now.instant().plus(properties.getClockSkew())));
		OAuth2TokenValidator<Jwt> subject = new JwtClaimValidator<Object>(JwtClaimNames.SUB,
				(sub) -> sub instanceof String value && !value.isEmpty());
		OAuth2TokenValidator<Jwt> stateless = JwtValidators
			.createDefaultWithValidators(List.of(timestamps, issuedAt, subject));
		RevocationValidator revocation = new RevocationValidator(revocations);
		// Only a token that passed every stateless check costs a store lookup.
		decoder.setJwtValidator((jwt) -> {
			OAuth2TokenValidatorResult result = stateless.validate(jwt);
			return result.hasErrors() ? result : revocation.validate(jwt);
		});
		return new CanonicalJwtDecoder(decoder);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenRevoker tokenRevoker(TokenStore store, JwtAuthProperties properties, ObjectProvider<Clock> clock) {
		Duration longest = properties.getTtl().compareTo(properties.getRefreshTtl()) > 0 ? properties.getTtl()
				: properties.getRefreshTtl();
		return new TokenRevoker(store, clock(clock), longest.plus(properties.getClockSkew()));
	}

	@Bean
	@ConditionalOnMissingBean
	RevocationChecker revocationChecker(TokenStore store, TokenRevoker revoker, JwtAuthProperties properties,
			ObjectProvider<Clock> clock) {
		JwtAuthProperties.Store settings = properties.getStore();
		RevocationChecker checker = new RevocationChecker(store, clock(clock), settings.isFailClosed(),
				settings.getRevocationCache(), settings.getRevocationCacheMaxEntries());
		revoker.onRevocation(checker::invalidate);
		return checker;
	}

	@Bean
	@ConditionalOnMissingBean
	RefreshTokenService refreshTokenService(TokenStore store, TokenRevoker revoker, JwtAuthProperties properties,
			ObjectProvider<Clock> clock) {
		return new RefreshTokenService(store, clock(clock), properties.getRefreshTtl(),
				properties.getRefresh().getReuseGrace(), revoker);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenStoreCleaner tokenStoreCleaner(TokenStore store, JwtAuthProperties properties, ObjectProvider<Clock> clock) {
		return new TokenStoreCleaner(store, clock(clock), properties.getStore().getCleanupInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	<U> JwtTokenService<U> jwtTokenService(AuthBackend<U> backend, JwtEncoder encoder, JwtDecoder decoder,
			RefreshTokenService refreshTokens, JwtAuthProperties properties, ObjectProvider<Clock> clock) {
		return new JwtTokenService<>(backend, encoder, decoder, refreshTokens, clock(clock), properties.getTtl());
	}

	static Clock clock(ObjectProvider<Clock> clock) {
		return clock.getIfUnique(Clock::systemUTC);
	}

}
