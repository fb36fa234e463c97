package io.github.jwtauth.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.refresh.RefreshTokenService;
import io.github.jwtauth.refresh.TokenRevoker;
import io.github.jwtauth.refresh.TokenStore;
import io.github.jwtauth.refresh.TokenStoreCleaner;
import io.github.jwtauth.token.CanonicalJwtDecoder;
import io.github.jwtauth.token.JwtClaimsCustomizer;
import io.github.jwtauth.token.JwtSigningKeys;
import io.github.jwtauth.token.JwtTokenService;
import io.github.jwtauth.token.RevocationChecker;
import io.github.jwtauth.token.CachingJwtDecoder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Token beans, each replaceable.
 */
@Configuration(proxyBeanMethods = false)
class JwtTokenConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtSigningKeys jwtSigningKeys(JwtAuthProperties properties, ResourceLoader resourceLoader) {
		return JwtKeysFactory.create(properties, resourceLoader);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtEncoder jwtEncoder(JwtSigningKeys keys) {
		// Only the signing key: the encoder must never pick another.
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.getSigningKey())));
	}

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(JwtSigningKeys keys, JwtAuthProperties properties, RevocationChecker revocations,
			ObjectProvider<OAuth2TokenValidator<Jwt>> customValidators, ObjectProvider<Clock> clock) {
		Clock now = clock(clock);
		ImmutableJWKSet<SecurityContext> source = new ImmutableJWKSet<>(keys.getKeys());
		// Exactly one algorithm, keys only from our own set: a token's jwk, jku, x5u or x5c
		// header is never consulted, and no other alg (none, HS with an RSA key) can verify.
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(source)
			.jwtProcessorCustomizer((processor) -> processor
				.setJWSKeySelector(new JWSVerificationKeySelector<>(keys.getAlgorithm(), source)))
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.getClockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		timestamps.setClock(now);
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(timestamps);
		validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.IAT,
				(iat) -> iat == null || !iat.isAfter(now.instant().plus(properties.getClockSkew()))));
		validators.add(new JwtClaimValidator<Object>(JwtClaimNames.SUB,
				(sub) -> sub instanceof String value && !value.isEmpty()));
		if (properties.getIssuer() != null) {
			validators.add(new JwtIssuerValidator(properties.getIssuer()));
		}
		if (!properties.getAudience().isEmpty()) {
			List<String> audiences = List.copyOf(properties.getAudience());
			validators.add(new JwtClaimValidator<java.util.Collection<String>>(JwtClaimNames.AUD,
					(aud) -> aud != null && aud.stream().anyMatch(audiences::contains)));
		}
		customValidators.orderedStream().forEach(validators::add);
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
		// Stateless checks once per token (then cached); the revocation check, which costs a
		// store lookup, on every call but only for tokens that passed the stateless ones.
		return new CachingJwtDecoder(new CanonicalJwtDecoder(decoder), revocations, now, properties.getClockSkew(),
				properties.getTokenCache().getMaxEntries());
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
	@SuppressWarnings({ "unchecked", "rawtypes" })
	<U> JwtTokenService<U> jwtTokenService(AuthBackend<U> backend, JwtEncoder encoder, JwtDecoder decoder,
			RefreshTokenService refreshTokens, JwtSigningKeys keys, JwtAuthProperties properties,
			ObjectProvider<JwtClaimsCustomizer> customizers, ObjectProvider<Clock> clock) {
		JwtTokenService<U> service = new JwtTokenService<>(backend, encoder, decoder, refreshTokens, clock(clock),
				properties.getTtl());
		service.setAlgorithm(keys.getJwsAlgorithm(), keys.isSymmetric() ? null : keys.getSigningKey().getKeyID());
		service.setIssuer(properties.getIssuer());
		service.setAudience(properties.getAudience());
		service.setClaimsCustomizers((List) customizers.orderedStream().toList());
		return service;
	}

	static Clock clock(ObjectProvider<Clock> clock) {
		return clock.getIfUnique(Clock::systemUTC);
	}

}
