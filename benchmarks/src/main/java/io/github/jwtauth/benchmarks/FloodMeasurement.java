package io.github.jwtauth.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import io.github.jwtauth.refresh.InMemoryTokenStore;
import io.github.jwtauth.refresh.TokenStore;
import io.github.jwtauth.refresh.TokenStoreUnavailableException;
import io.github.jwtauth.token.CachingJwtDecoder;
import io.github.jwtauth.token.JwtTokenService;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * A bounded flood in two parts, with the default bounds: one million logins (each a new
 * session in the in-memory store), then one million decodes of distinct valid access tokens
 * (signed with the application's key, each seen once). Prints the heap after a full GC and
 * the sizes of the in-memory store and the token cache, which must stay within their bounds,
 * and the average time of a decode in each half of the second part (a full cache must not
 * make a new token dearer).
 * <p>
 * Run: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.jwtauth.benchmarks.FloodMeasurement}
 */
public final class FloodMeasurement {

	private FloodMeasurement() {
	}

	public static void main(String[] args) {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.properties("logging.level.root=warn", "jwt.secret=" + BenchmarkApplication.SECRET)
			.run()) {
			System.gc();
			long before = memory.getHeapMemoryUsage().getUsed();
			@SuppressWarnings("unchecked")
			JwtTokenService<BenchmarkApplication.User> service = context.getBean(JwtTokenService.class);
			InMemoryTokenStore store = (InMemoryTokenStore) context.getBean(TokenStore.class);
			CachingJwtDecoder decoder = (CachingJwtDecoder) context.getBean(JwtDecoder.class);
			JwtEncoder encoder = context.getBean(JwtEncoder.class);

			int refused = 0;
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				try {
					service.issue(BenchmarkApplication.USER);
				}
				catch (TokenStoreUnavailableException ex) {
					refused++;
				}
			}
			System.out.printf("%d logins in %.1f s: %d refused (503) once the store was full%n", count,
					seconds(start), refused);

			long[] halves = new long[2];
			for (int half = 0; half < 2; half++) {
				for (int i = 0; i < count / 2; i++) {
					String token = BenchmarkApplication.stockToken(encoder).getTokenValue();
					long decodeStart = System.nanoTime();
					decoder.decode(token);
					halves[half] += System.nanoTime() - decodeStart;
				}
			}
			System.out.printf("%d distinct valid tokens decoded: %.2f us each in the first half, %.2f us in the second%n",
					count, halves[0] / 1000.0 / (count / 2), halves[1] / 1000.0 / (count / 2));

			System.gc();
			long after = memory.getHeapMemoryUsage().getUsed();
			System.out.printf("in-memory store: %d entries (bound jwt.store.memory.max-entries=100000)%n", store.size());
			System.out.printf("token cache: %d entries (bound jwt.token-cache.max-entries=10000)%n", decoder.size());
			System.out.printf("heap after full GC: %d MB (before the flood: %d MB)%n", after >> 20, before >> 20);
		}
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
