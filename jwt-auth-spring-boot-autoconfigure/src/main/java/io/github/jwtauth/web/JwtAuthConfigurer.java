package io.github.jwtauth.web;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.util.Assert;

/**
 * Gives an application's own {@code SecurityFilterChain} everything the starter's default
 * chain has, in one line:
 * <pre>{@code
 * http.with(JwtAuthConfigurer.jwtAuth(), Customizer.withDefaults());
 * }</pre>
 * It applies Spring Security's resource server with the starter's decoder, token resolver,
 * user lookup (strict where a token is required, lenient elsewhere) and error responses, exempts the login and refresh endpoints from CSRF
 * protection, and adds an authorization filter for {@code @JwtAuthRequired} (or
 * {@code jwt.scope=all}) that composes with the application's own
 * {@code authorizeHttpRequests} rules.
 */
public final class JwtAuthConfigurer extends AbstractHttpConfigurer<JwtAuthConfigurer, HttpSecurity> {

	private JwtAuthConfigurer() {
	}

	/**
	 * Create the configurer, for {@code http.with(jwtAuth(), withDefaults())}.
	 * @return a new configurer
	 */
	public static JwtAuthConfigurer jwtAuth() {
		return new JwtAuthConfigurer();
	}

	@Override
	public void init(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		Assert.state(context != null, "JwtAuthConfigurer needs the ApplicationContext shared object");
		JwtAuthenticationEntryPoint entryPoint = context.getBean(JwtAuthenticationEntryPoint.class);
		JwtAccessDeniedHandler accessDeniedHandler = context.getBean(JwtAccessDeniedHandler.class);
		BearerTokenResolver resolver = context.getBean(BearerTokenResolver.class);
		JwtDecoder decoder = context.getBean(JwtDecoder.class);
		JwtUserAuthenticationConverter<?> converter = context.getBean(JwtUserAuthenticationConverter.class);
		AuthenticationEntryPointFailureHandler failureHandler = new AuthenticationEntryPointFailureHandler(entryPoint);
		// A failing backend must reach the entry point (503), not escape the filter as a 500.
		failureHandler.setRethrowAuthenticationServiceException(false);
		ProtectedRequestMatcher protectedRequests = context.getBean(ProtectedRequestMatcher.class);
		http.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(resolver)
			.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDeniedHandler)
			.authenticationManagerResolver(
					new JwtAuthenticationManagerResolver(protectedRequests, decoder, converter))
			.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {

				@Override
				public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(failureHandler);
					return filter;
				}

			}));
		CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
		if (csrf != null) {
			csrf.ignoringRequestMatchers(protectedRequests.getOpenEndpoints());
		}
	}

	@Override
	public void configure(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		AuthorizationFilter filter = new AuthorizationFilter(
				context.getBean(JwtAuthRequiredAuthorizationManager.class));
		filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
		http.addFilterAfter(postProcess(filter), ExceptionTranslationFilter.class);
	}

}
