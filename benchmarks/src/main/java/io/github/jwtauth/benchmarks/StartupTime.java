package io.github.jwtauth.benchmarks;

import java.lang.management.ManagementFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the benchmark application once, prints the milliseconds from JVM start to a started
 * context, and exits. Run alternately in fresh JVMs (see {@code benchmarks/startup.sh}), in
 * one of three modes: {@code with} the starter; {@code without} it (Spring Security's own
 * defaults configure the chain instead); {@code bare}, without Spring Security's
 * auto-configurations either: a plain Spring MVC application.
 */
public final class StartupTime {

	private static final String STARTER = "io.github.jwtauth.autoconfigure.JwtAuthAutoConfiguration,"
			+ "io.github.jwtauth.autoconfigure.JwtAuthWebSecurityAutoConfiguration";

	private static final String SPRING_SECURITY = "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration";

	private StartupTime() {
	}

	public static void main(String[] args) {
		String mode = (args.length > 0) ? args[0] : "with";
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchmarkApplication.class)
			.properties("server.port=0", "logging.level.root=warn", "jwt.secret=" + BenchmarkApplication.SECRET);
		switch (mode) {
			case "with" -> {
			}
			case "without" -> builder.properties("spring.autoconfigure.exclude=" + STARTER);
			case "bare" -> builder.properties("spring.autoconfigure.exclude=" + STARTER + "," + SPRING_SECURITY);
			default -> throw new IllegalArgumentException("mode is with, without or bare: " + mode);
		}
		try (ConfigurableApplicationContext context = builder.run()) {
			long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
			System.out.println(mode + " " + millis);
		}
	}

}
