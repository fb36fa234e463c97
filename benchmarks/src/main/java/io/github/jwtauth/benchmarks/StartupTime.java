package io.github.jwtauth.benchmarks;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the benchmark application once, with or without the starter's auto-configuration,
 * prints the milliseconds from JVM start to a started context, and exits. Run alternately in
 * fresh JVMs (see {@code benchmarks/startup.sh}).
 */
public final class StartupTime {

	private StartupTime() {
	}

	public static void main(String[] args) {
		boolean withStarter = args.length == 0 || !args[0].equals("without");
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchmarkApplication.class)
			.properties("server.port=0", "logging.level.root=warn", "jwt.secret=" + BenchmarkApplication.SECRET);
		if (!withStarter) {
			builder.properties("spring.autoconfigure.exclude=io.github.jwtauth.autoconfigure.JwtAuthAutoConfiguration,"
					+ "io.github.jwtauth.autoconfigure.JwtAuthWebSecurityAutoConfiguration");
		}
		try (ConfigurableApplicationContext context = builder.run()) {
			long millis = System.currentTimeMillis()
					- java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
			System.out.println((withStarter ? "with " : "without ") + millis);
		}
	}

}
