package io.github.jwtauth.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the servlet web side: login and refresh endpoints, the bearer-token
 * resolver, error responses, and a default {@code SecurityFilterChain} that backs off when
 * the application declares its own. Ordered before Spring Boot's web security so that its
 * form-login default never appears.
 */
@AutoConfiguration(after = JwtAuthAutoConfiguration.class,
		before = { ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, DispatcherServlet.class })
@Import({ JwtAuthWebConfiguration.class, JwtAuthSecurityFilterChainConfiguration.class,
		JwtAuthTomcatConfiguration.class })
public final class JwtAuthWebSecurityAutoConfiguration {

}
