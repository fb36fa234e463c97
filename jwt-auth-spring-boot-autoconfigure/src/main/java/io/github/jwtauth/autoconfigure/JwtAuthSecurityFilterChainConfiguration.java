package io.github.jwtauth.autoconfigure;

import io.github.jwtauth.web.JwtAuthConfigurer;

import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The default chain for an application that declares none: stateless, no CSRF (no cookies
 * or sessions carry credentials), no form login or HTTP basic, and the starter's
 * {@link JwtAuthConfigurer}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDefaultWebSecurity
class JwtAuthSecurityFilterChainConfiguration {

	@Bean
	@Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
	SecurityFilterChain jwtAuthSecurityFilterChain(HttpSecurity http) {
		http.csrf(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.with(JwtAuthConfigurer.jwtAuth(), Customizer.withDefaults());
		return http.build();
	}

}
