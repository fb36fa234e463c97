package io.github.jwtauth.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Auto-configuration of the token infrastructure: signing
 * key, {@code JwtEncoder}, strict {@code JwtDecoder} with its revocation check, the token
 * store chosen by {@code jwt.store.type}, refresh-token rotation, the {@code TokenRevoker}
 * and the {@code JwtTokenService} that applications inject. Ordered before Spring Boot's resource
 * server so that its decoder wins.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnClass(JwtDecoder.class)
@EnableConfigurationProperties(JwtAuthProperties.class)
@Import({ JwtTokenStoreConfiguration.class, JwtTokenConfiguration.class })
public final class JwtAuthAutoConfiguration {

	@Bean
	static JwtAuthPropertiesValidator jwtAuthPropertiesValidator() {
		return new JwtAuthPropertiesValidator();
	}

}
