package io.github.jwtauth.autoconfigure;

import java.time.Clock;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.refresh.TokenRevoker;
import io.github.jwtauth.token.JwtTokenService;
import io.github.jwtauth.token.JwtSigningKeys;
import io.github.jwtauth.web.JwksEndpoint;
import io.github.jwtauth.web.JwtAccessDeniedHandler;
import io.github.jwtauth.web.JwtAuthRequiredAuthorizationManager;
import io.github.jwtauth.web.JwtAuthenticationEntryPoint;
import io.github.jwtauth.web.JwtUserAuthenticationConverter;
import io.github.jwtauth.web.ProtectedRequestMatcher;
import io.github.jwtauth.web.SchemeBearerTokenResolver;
import io.github.jwtauth.web.TokenEndpoints;
import io.github.jwtauth.web.TokenEndpointsExceptionResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Web beans shared by the default filter chain and by applications that apply
 * {@code JwtAuthConfigurer} to their own; each replaceable.
 */
@Configuration(proxyBeanMethods = false)
class JwtAuthWebConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProtectedRequestMatcher jwtAuthProtectedRequestMatcher(JwtAuthProperties properties,
			ObjectProvider<PathPatternRequestMatcher.Builder> pathMatchers,
			ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings) {
		PathPatternRequestMatcher.Builder paths = pathMatchers.getIfUnique(PathPatternRequestMatcher::withDefaults);
		OrRequestMatcher endpoints = new OrRequestMatcher(
				paths.matcher(properties.getEndpoints().getAuth()),
				paths.matcher(properties.getEndpoints().getRefresh()),
				paths.matcher(HttpMethod.GET, properties.getEndpoints().getJwks()));
		ProtectedRequestMatcher matcher = new ProtectedRequestMatcher(properties.getScope(), endpoints,
				() -> handlerMappings.orderedStream().map(HandlerMapping.class::cast));
		matcher.setAuthorityPrefix(properties.getAuthorityPrefix());
		return matcher;
	}

	@Bean
	@ConditionalOnMissingBean(BearerTokenResolver.class)
	SchemeBearerTokenResolver jwtAuthBearerTokenResolver(JwtAuthProperties properties,
			ProtectedRequestMatcher protectedRequests) {
		return new SchemeBearerTokenResolver(properties.getSchemes(), protectedRequests);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthRequiredAuthorizationManager jwtAuthRequiredAuthorizationManager(ProtectedRequestMatcher protectedRequests) {
		return new JwtAuthRequiredAuthorizationManager(protectedRequests);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationEntryPoint jwtAuthenticationEntryPoint() {
		return new JwtAuthenticationEntryPoint();
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAccessDeniedHandler jwtAccessDeniedHandler() {
		return new JwtAccessDeniedHandler();
	}

	@Bean
	@ConditionalOnMissingBean
	<U> JwtUserAuthenticationConverter<U> jwtUserAuthenticationConverter(AuthBackend<U> backend,
			JwtAuthProperties properties, ObjectProvider<Clock> clock) {
		return new JwtUserAuthenticationConverter<>(backend, properties.getAuthorityPrefix(),
				JwtUserAuthenticationConverter.Lookup.valueOf(properties.getUserLookup().name()),
				JwtTokenConfiguration.clock(clock), properties.getUserCache().getTtl(),
				properties.getUserCache().getMaxEntries());
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnAsymmetricKeysCondition.class)
	JwksEndpoint jwtAuthJwksEndpoint(JwtSigningKeys keys) {
		return new JwksEndpoint(keys);
	}

	@Bean
	@ConditionalOnMissingBean
	<U> TokenEndpoints<U> jwtAuthTokenEndpoints(AuthBackend<U> backend, JwtTokenService<U> tokens,
			TokenRevoker revoker, JwtAuthProperties properties) {
		return new TokenEndpoints<>(backend, tokens, revoker, properties.getFields().getUsername(),
				properties.getFields().getPassword());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenEndpointsExceptionResolver jwtAuthTokenEndpointsExceptionResolver(ProtectedRequestMatcher protectedRequests) {
		return new TokenEndpointsExceptionResolver(protectedRequests.getOpenEndpoints());
	}

}
