package io.github.jwtauth.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.JwtAuthRequired;
import io.github.jwtauth.TestUsers;
import io.github.jwtauth.refresh.InMemoryTokenStore;
import io.github.jwtauth.refresh.JdbcTokenStore;
import io.github.jwtauth.refresh.RedisTokenStore;
import io.github.jwtauth.refresh.RefreshTokenService;
import io.github.jwtauth.refresh.TokenRevoker;
import io.github.jwtauth.refresh.TokenStore;
import io.github.jwtauth.refresh.TokenStoreCleaner;
import io.github.jwtauth.token.RevocationChecker;
import io.github.jwtauth.token.CanonicalJwtDecoder;
import io.github.jwtauth.token.JwtSigningKeys;
import io.github.jwtauth.token.JwtTokenService;
import io.github.jwtauth.web.JwtAccessDeniedHandler;
import io.github.jwtauth.web.JwtAuthRequiredAuthorizationManager;
import io.github.jwtauth.web.JwtAuthenticationEntryPoint;
import io.github.jwtauth.web.JwtUserAuthenticationConverter;
import io.github.jwtauth.web.ProtectedRequestMatcher;
import io.github.jwtauth.web.SchemeBearerTokenResolver;
import io.github.jwtauth.web.TokenEndpoints;
import io.github.jwtauth.web.TokenEndpointsExceptionResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link JwtAuthAutoConfiguration} and {@link JwtAuthWebSecurityAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class JwtAuthAutoConfigurationTests {

	private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-0123456789";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JwtAuthAutoConfiguration.class,
				JwtAuthWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
				SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class, WebMvcAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
				JacksonAutoConfiguration.class))
		.withUserConfiguration(BackendConfiguration.class)
		.withPropertyValues("jwt.secret=" + SECRET);

	@Test
	void autoConfigurationWhenDefaultsThenEveryBeanPresent() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(JwtSigningKeys.class);
			assertThat(context).hasSingleBean(JwtEncoder.class);
			assertThat(context).getBean(JwtDecoder.class).isInstanceOf(io.github.jwtauth.token.CachingJwtDecoder.class);
			assertThat(context).getBean(TokenStore.class).isInstanceOf(InMemoryTokenStore.class);
			assertThat(context).hasSingleBean(TokenRevoker.class);
			assertThat(context).hasSingleBean(RevocationChecker.class);
			assertThat(context).hasSingleBean(TokenStoreCleaner.class);
			assertThat(context).hasSingleBean(RefreshTokenService.class);
			assertThat(context).hasSingleBean(JwtTokenService.class);
			assertThat(context).getBean(BearerTokenResolver.class).isInstanceOf(SchemeBearerTokenResolver.class);
			assertThat(context).hasSingleBean(ProtectedRequestMatcher.class);
			assertThat(context).hasSingleBean(JwtAuthRequiredAuthorizationManager.class);
			assertThat(context).hasSingleBean(JwtAuthenticationEntryPoint.class);
			assertThat(context).hasSingleBean(JwtAccessDeniedHandler.class);
			assertThat(context).hasSingleBean(JwtUserAuthenticationConverter.class);
			assertThat(context).hasSingleBean(TokenEndpoints.class);
			assertThat(context).hasSingleBean(TokenEndpointsExceptionResolver.class);
			assertThat(context).hasSingleBean(SecurityFilterChain.class);
			assertThat(context).hasBean("jwtAuthSecurityFilterChain");
			// Spring Boot's generated in-memory user would be a second, unwanted login.
			assertThat(context).doesNotHaveBean(UserDetailsService.class);
			assertThat(context.getBean(JwtSigningKeys.class).isEphemeral()).isFalse();
			assertThat(context.getBean(JwtSigningKeys.class).isSymmetric()).isTrue();
			assertThat(context).doesNotHaveBean(io.github.jwtauth.web.JwksEndpoint.class);
		});
	}

	@Test
	void propertiesWhenUnsetThenDefaultsOfTheContract() {
		this.contextRunner.run((context) -> {
			JwtAuthProperties properties = context.getBean(JwtAuthProperties.class);
			assertThat(properties.getTtl()).isEqualTo(Duration.ofMinutes(15));
			assertThat(properties.getRefreshTtl()).isEqualTo(Duration.ofDays(14));
			assertThat(properties.getEndpoints().getAuth()).isEqualTo("/auth");
			assertThat(properties.getEndpoints().getRefresh()).isEqualTo("/auth/refresh");
			assertThat(properties.getFields().getUsername()).isEqualTo("username");
			assertThat(properties.getFields().getPassword()).isEqualTo("password");
			assertThat(properties.getSchemes()).containsExactly("Bearer", "JWT");
			assertThat(properties.getClockSkew()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getScope()).isEqualTo(ProtectedRequestMatcher.Scope.ANNOTATED);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "per-request", "cached", "claims-only" })
	void userLookupWhenConfiguredThenPrincipalComesFromThatSource(String lookup) {
		this.contextRunner.withPropertyValues("jwt.user-lookup=" + lookup).run((context) -> {
			@SuppressWarnings("unchecked")
			JwtTokenService<TestUsers.User> tokens = context.getBean(JwtTokenService.class);
			TestUsers.User pav = new TestUsers().findById("1").orElseThrow();
			org.springframework.security.oauth2.jwt.Jwt jwt = tokens.decode(tokens.issue(pav).accessToken());
			Object principal = context.getBean(JwtUserAuthenticationConverter.class).convert(jwt).getPrincipal();
			if (lookup.equals("claims-only")) {
				assertThat(principal).isSameAs(jwt);
			}
			else {
				assertThat(principal).isEqualTo(pav);
			}
		});
	}

	@Test
	void propertiesWhenBareNumbersThenSeconds() {
		this.contextRunner.withPropertyValues("jwt.ttl=30", "jwt.refresh-ttl=64000", "jwt.clock-skew=0")
			.run((context) -> {
				JwtAuthProperties properties = context.getBean(JwtAuthProperties.class);
				assertThat(properties.getTtl()).isEqualTo(Duration.ofSeconds(30));
				assertThat(properties.getRefreshTtl()).isEqualTo(Duration.ofSeconds(64000));
				assertThat(properties.getClockSkew()).isZero();
			});
	}

	@Test
	void secretWhenAbsentThenEphemeralKeyAndLoudWarning(CapturedOutput output) {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(JwtAuthAutoConfiguration.class))
			.withUserConfiguration(BackendConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(JwtSigningKeys.class).isEphemeral()).isTrue();
				assertThat(output).contains("WARN").contains("ephemeral").contains("jwt.secret");
			});
	}

	static Stream<Arguments> invalidProperties() {
		return Stream.of(Arguments.of("jwt.secret=too-short-secret", "jwt.secret", "openssl rand -base64 48"),
				Arguments.of("jwt.ttl=0", "jwt.ttl", "positive duration"),
				Arguments.of("jwt.ttl=-5m", "jwt.ttl", "positive duration"),
				Arguments.of("jwt.refresh-ttl=0s", "jwt.refresh-ttl", "positive duration"),
				Arguments.of("jwt.clock-skew=-1s", "jwt.clock-skew", "zero or more"),
				Arguments.of("jwt.schemes=", "jwt.schemes", "Bearer"),
				Arguments.of("jwt.schemes=Bearer,Two words", "jwt.schemes", "Bearer"),
				Arguments.of("jwt.endpoints.auth=auth", "jwt.endpoints.auth", "/auth"),
				Arguments.of("jwt.endpoints.refresh=/auth", "jwt.endpoints.refresh", "its own path"),
				Arguments.of("jwt.endpoints.logout-all=/auth/logout", "jwt.endpoints.logout-all", "its own path"),
				Arguments.of("jwt.refresh.reuse-grace=-1s", "jwt.refresh.reuse-grace", "zero or more"),
				Arguments.of("jwt.store.revocation-cache=-1s", "jwt.store.revocation-cache", "0 (off)"),
				Arguments.of("jwt.store.cleanup-interval=0", "jwt.store.cleanup-interval", "positive duration"),
				Arguments.of("jwt.store.memory.max-entries=0", "jwt.store.memory.max-entries", "positive number"),
				Arguments.of("jwt.token-cache.max-entries=-1", "jwt.token-cache.max-entries", "0 (off)"),
				Arguments.of("jwt.user-cache.ttl=0s", "jwt.user-cache.ttl", "positive duration"),
				Arguments.of("jwt.user-cache.max-entries=0", "jwt.user-cache.max-entries", "positive number"),
				Arguments.of("jwt.store.jdbc.table-prefix=jwt; drop table x", "jwt.store.jdbc.table-prefix", "jwt_"),
				Arguments.of("jwt.store.type=jdbc", "jwt.store.type", "spring.datasource"),
				Arguments.of("jwt.fields.username= ", "jwt.fields.username", "name of the login field"),
				Arguments.of("jwt.fields.password=username", "jwt.fields.password", "different names"));
	}

	@ParameterizedTest
	@MethodSource("invalidProperties")
	void startupWhenPropertyInvalidThenFailureNamesPropertyAndAction(String property, String name, String action) {
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = new JwtAuthFailureAnalyzer().analyze(failure);
			assertThat(analysis).as(String.valueOf(failure)).isNotNull();
			assertThat(analysis.getDescription()).contains("'" + name + "'");
			assertThat(analysis.getAction()).contains(action);
		});
	}

	@Test
	void startupWhenSecretTooShortThenSecretNeverPrinted(CapturedOutput output) {
		String secret = "hunter2-is-not-a-secret";
		this.contextRunner.withPropertyValues("jwt.secret=" + secret).run((context) -> {
			FailureAnalysis analysis = new JwtAuthFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("23 bytes").doesNotContain(secret);
			assertThat(analysis.getAction()).doesNotContain(secret);
		});
		assertThat(output).doesNotContain(secret);
	}

	@Test
	void startupWhenNoAuthBackendThenFailureAsksForOne() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(JwtAuthAutoConfiguration.class))
			.withPropertyValues("jwt.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(NoSuchBeanDefinitionException.class)
					.hasMessageContaining(AuthBackend.class.getName());
			});
	}

	@Test
	void autoConfigurationWhenNotWebApplicationThenOnlyTokenBeans() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JwtAuthAutoConfiguration.class,
				JwtAuthWebSecurityAutoConfiguration.class))
			.withUserConfiguration(BackendConfiguration.class)
			.withPropertyValues("jwt.secret=" + SECRET)
			.run((context) -> {
				assertThat(context).hasSingleBean(JwtTokenService.class);
				assertThat(context).doesNotHaveBean(TokenEndpoints.class);
				assertThat(context).doesNotHaveBean(SecurityFilterChain.class);
			});
	}

	@Test
	void autoConfigurationWhenSpringSecurityWebAbsentThenNoWebBeans() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpSecurity.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(TokenEndpoints.class);
			assertThat(context).doesNotHaveBean(ProtectedRequestMatcher.class);
		});
	}

	static Stream<Arguments> replaceableBeans() {
		return Stream.of(Arguments.of(JwtSigningKeys.class, (Supplier<?>) () -> {
			com.nimbusds.jose.jwk.OctetSequenceKey key = new com.nimbusds.jose.jwk.OctetSequenceKey.Builder(
					SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
			return new JwtSigningKeys(com.nimbusds.jose.JWSAlgorithm.HS256, key, List.of(key), false);
		}),
				Arguments.of(JwtEncoder.class, (Supplier<?>) () -> mock(JwtEncoder.class)),
				Arguments.of(JwtDecoder.class, (Supplier<?>) () -> mock(JwtDecoder.class)),
				Arguments.of(TokenStore.class,
						(Supplier<?>) () -> new InMemoryTokenStore(java.time.Clock.systemUTC(), 10)),
				Arguments.of(TokenRevoker.class,
						(Supplier<?>) () -> new TokenRevoker(new InMemoryTokenStore(java.time.Clock.systemUTC(), 10),
								java.time.Clock.systemUTC(), Duration.ofDays(1))),
				Arguments.of(RevocationChecker.class,
						(Supplier<?>) () -> new RevocationChecker(
								new InMemoryTokenStore(java.time.Clock.systemUTC(), 10), java.time.Clock.systemUTC(),
								false, Duration.ZERO, 1)),
				Arguments.of(TokenStoreCleaner.class,
						(Supplier<?>) () -> new TokenStoreCleaner(
								new InMemoryTokenStore(java.time.Clock.systemUTC(), 10), java.time.Clock.systemUTC(),
								Duration.ofMinutes(1))),
				Arguments.of(BearerTokenResolver.class, (Supplier<?>) () -> (BearerTokenResolver) (request) -> null),
				Arguments.of(ProtectedRequestMatcher.class,
						(Supplier<?>) () -> new ProtectedRequestMatcher(ProtectedRequestMatcher.Scope.ALL,
								(request) -> false, Stream::empty)),
				Arguments.of(JwtAuthenticationEntryPoint.class, (Supplier<?>) JwtAuthenticationEntryPoint::new),
				Arguments.of(JwtAccessDeniedHandler.class, (Supplier<?>) JwtAccessDeniedHandler::new),
				Arguments.of(JwtUserAuthenticationConverter.class,
						(Supplier<?>) () -> new JwtUserAuthenticationConverter<>(new TestUsers())),
				Arguments.of(TokenEndpointsExceptionResolver.class,
						(Supplier<?>) () -> new TokenEndpointsExceptionResolver((request) -> false)));
	}

	@ParameterizedTest
	@MethodSource("replaceableBeans")
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void autoConfigurationWhenUserDefinesBeanThenBacksOff(Class<?> type, Supplier<?> factory) {
		Object userBean = factory.get();
		this.contextRunner.withBean("userDefined", (Class) type, (Supplier) () -> userBean).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(type);
			assertThat(context.getBean(type)).isSameAs(userBean);
		});
	}

	@Test
	void autoConfigurationWhenUserDefinesTokenServiceAndEndpointsThenBacksOff() {
		this.contextRunner.withUserConfiguration(CustomTokenBeansConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(JwtTokenService.class);
			assertThat(context).hasBean("customTokenService");
			assertThat(context).hasSingleBean(TokenEndpoints.class);
			assertThat(context).hasBean("customEndpoints");
			assertThat(context).hasSingleBean(JwtAuthRequiredAuthorizationManager.class);
			assertThat(context).hasBean("customAuthorizationManager");
		});
	}

	@Test
	void storeWhenTypeJdbcAndDataSourceThenJdbcStoreWithSchemaCreated() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(
					org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class))
			.withPropertyValues("jwt.store.type=jdbc", "jwt.store.jdbc.initialize-schema=true",
					"jwt.store.jdbc.table-prefix=ctx_", "spring.datasource.url=jdbc:h2:mem:ctx;DB_CLOSE_DELAY=-1")
			.run((context) -> {
				assertThat(context).getBean(TokenStore.class).isInstanceOf(JdbcTokenStore.class);
				TokenStore store = context.getBean(TokenStore.class);
				assertThat(store.isRevoked("jti", "sid", "sub", java.time.Instant.now())).isFalse();
			});
	}

	@Test
	void storeWhenTypeRedisThenRedisStoreOverSpringDataRedis() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(
					org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration.class))
			.withPropertyValues("jwt.store.type=redis")
			.run((context) -> assertThat(context).getBean(TokenStore.class).isInstanceOf(RedisTokenStore.class));
	}

	@Test
	void storeWhenTypeRedisWithoutSpringDataRedisThenFailureSaysWhatToAdd() {
		this.contextRunner.withPropertyValues("jwt.store.type=redis")
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.run((context) -> {
				FailureAnalysis analysis = new JwtAuthFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("'jwt.store.type'");
				assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis");
			});
	}

	@Test
	void storeWhenUnsetThenMemoryAndCleanerRunsWithContext() {
		this.contextRunner.run((context) -> {
			assertThat(context).getBean(TokenStore.class).isInstanceOf(InMemoryTokenStore.class);
			assertThat(context.getBean(TokenStoreCleaner.class).isRunning()).isTrue();
		});
	}

	@Test
	void filterChainWhenUserDefinesOneThenDefaultBacksOff() {
		this.contextRunner.withUserConfiguration(UserChainConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SecurityFilterChain.class);
			assertThat(context).hasBean("userChain");
			assertThat(context).doesNotHaveBean("jwtAuthSecurityFilterChain");
			// the pieces a user's chain applies through JwtAuthConfigurer are still there
			assertThat(context).hasSingleBean(TokenEndpoints.class);
			assertThat(context).hasSingleBean(ProtectedRequestMatcher.class);
		});
	}

	@Test
	void scopeWhenAnnotatedThenOnlyAnnotatedHandlersNeedToken() {
		this.contextRunner.withUserConfiguration(ControllersConfiguration.class).run((context) -> {
			ProtectedRequestMatcher matcher = context.getBean(ProtectedRequestMatcher.class);
			assertThat(matcher.matches(get("/open"))).isFalse();
			assertThat(matcher.requiredAuthorities(get("/secured"))).isEmpty();
			assertThat(matcher.requiredAuthorities(get("/secured-class"))).isEmpty();
			assertThat(matcher.requiredAuthorities(get("/secured-class/admin"))).containsExactly("ROLE_admin");
			assertThat(matcher.matches(get("/no-such-path"))).isFalse();
			assertThat(matcher.matches(new MockHttpServletRequest("POST", "/auth"))).isFalse();
		});
	}

	@Test
	void scopeWhenAllThenEverythingButTheStarterEndpointsNeedsToken() {
		this.contextRunner.withUserConfiguration(ControllersConfiguration.class)
			.withPropertyValues("jwt.scope=all")
			.run((context) -> {
				ProtectedRequestMatcher matcher = context.getBean(ProtectedRequestMatcher.class);
				assertThat(matcher.requiredAuthorities(get("/open"))).isEmpty();
				assertThat(matcher.requiredAuthorities(get("/no-such-path"))).isEmpty();
				assertThat(matcher.requiredAuthorities(get("/secured-class/admin"))).containsExactly("ROLE_admin");
				assertThat(matcher.matches(new MockHttpServletRequest("POST", "/auth"))).isFalse();
				assertThat(matcher.matches(new MockHttpServletRequest("POST", "/auth/refresh"))).isFalse();
				assertThat(matcher.matches(get("/auth"))).isFalse();
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "/login", "/api/token" })
	void endpointsWhenPathsConfiguredThenOpenAtThosePaths(String path) {
		this.contextRunner.withPropertyValues("jwt.scope=all", "jwt.endpoints.auth=" + path).run((context) -> {
			ProtectedRequestMatcher matcher = context.getBean(ProtectedRequestMatcher.class);
			assertThat(matcher.matches(new MockHttpServletRequest("POST", path))).isFalse();
			assertThat(matcher.matches(new MockHttpServletRequest("POST", "/auth"))).isTrue();
		});
	}

	private static MockHttpServletRequest get(String path) {
		return new MockHttpServletRequest("GET", path);
	}

	@Configuration(proxyBeanMethods = false)
	static class BackendConfiguration {

		@Bean
		TestUsers authBackend() {
			return new TestUsers();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserChainConfiguration {

		@Bean
		SecurityFilterChain userChain(HttpSecurity http) {
			return http.with(io.github.jwtauth.web.JwtAuthConfigurer.jwtAuth(),
					org.springframework.security.config.Customizer.withDefaults())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomTokenBeansConfiguration {

		@Bean
		JwtTokenService<TestUsers.User> customTokenService(TestUsers users, JwtEncoder encoder, JwtDecoder decoder,
				RefreshTokenService refresh) {
			return new JwtTokenService<>(users, encoder, decoder, refresh, java.time.Clock.systemUTC(),
					Duration.ofMinutes(1));
		}

		@Bean
		TokenEndpoints<TestUsers.User> customEndpoints(TestUsers users, JwtTokenService<TestUsers.User> tokens,
				TokenRevoker revoker) {
			return new TokenEndpoints<>(users, tokens, revoker, "user", "pass");
		}

		@Bean
		JwtAuthRequiredAuthorizationManager customAuthorizationManager(ProtectedRequestMatcher matcher) {
			return new JwtAuthRequiredAuthorizationManager(matcher);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ControllersConfiguration {

		@Bean
		OpenController openController() {
			return new OpenController();
		}

		@Bean
		SecuredClassController securedClassController() {
			return new SecuredClassController();
		}

	}

	@RestController
	static class OpenController {

		@GetMapping("/open")
		String open() {
			return "open";
		}

		@GetMapping("/secured")
		@JwtAuthRequired
		String secured() {
			return "secured";
		}

	}

	@RestController
	@JwtAuthRequired
	static class SecuredClassController {

		@GetMapping("/secured-class")
		String secured() {
			return "secured";
		}

		@GetMapping("/secured-class/admin")
		@JwtAuthRequired(roles = "admin")
		String admin() {
			return "admin";
		}

	}


}
