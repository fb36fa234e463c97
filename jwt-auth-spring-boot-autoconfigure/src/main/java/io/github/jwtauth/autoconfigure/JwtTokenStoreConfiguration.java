package io.github.jwtauth.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import io.github.jwtauth.refresh.InMemoryTokenStore;
import io.github.jwtauth.refresh.JdbcTokenStore;
import io.github.jwtauth.refresh.RedisTokenStore;
import io.github.jwtauth.refresh.TokenStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link TokenStore} chosen by {@code jwt.store.type}; a user-defined store wins over
 * all of them.
 */
@Configuration(proxyBeanMethods = false)
@Import({ JwtTokenStoreConfiguration.Memory.class, JwtTokenStoreConfiguration.Jdbc.class,
		JwtTokenStoreConfiguration.Redis.class })
class JwtTokenStoreConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "jwt.store.type", havingValue = "memory", matchIfMissing = true)
	static class Memory {

		@Bean
		@ConditionalOnMissingBean(TokenStore.class)
		InMemoryTokenStore inMemoryTokenStore(JwtAuthProperties properties, ObjectProvider<Clock> clock) {
			return new InMemoryTokenStore(JwtTokenConfiguration.clock(clock),
					properties.getStore().getMemory().getMaxEntries());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "jwt.store.type", havingValue = "jdbc")
	@ConditionalOnClass(JdbcClient.class)
	static class Jdbc {

		@Bean
		@ConditionalOnMissingBean(TokenStore.class)
		JdbcTokenStore jdbcTokenStore(JwtAuthProperties properties, ObjectProvider<DataSource> dataSource) {
			DataSource source = dataSource.getIfUnique();
			if (source == null) {
				throw new InvalidJwtPropertyException("jwt.store.type", "'jdbc' needs exactly one DataSource bean",
						"Configure spring.datasource.* (or declare one DataSource bean), or choose another store type.");
			}
			JdbcTokenStore store = new JdbcTokenStore(source, properties.getStore().getJdbc().getTablePrefix());
			if (properties.getStore().getJdbc().isInitializeSchema()) {
				store.initializeSchema();
			}
			return store;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "jwt.store.type", havingValue = "redis")
	@ConditionalOnClass(StringRedisTemplate.class)
	static class Redis {

		@Bean
		@ConditionalOnMissingBean(TokenStore.class)
		RedisTokenStore redisTokenStore(JwtAuthProperties properties, ObjectProvider<StringRedisTemplate> redis) {
			StringRedisTemplate template = redis.getIfUnique();
			if (template == null) {
				throw new InvalidJwtPropertyException("jwt.store.type", "'redis' needs a StringRedisTemplate bean",
						"Configure spring.data.redis.* so that Spring Boot creates one, or choose another store type.");
			}
			return new RedisTokenStore(template, properties.getStore().getRedis().getKeyPrefix());
		}

	}

}
