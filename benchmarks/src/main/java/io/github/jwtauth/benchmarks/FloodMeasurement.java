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

/**
 * A bounded flood: one million logins (each a distinct token pair) and one million decodes of
 * distinct valid tokens, then the heap after a full GC and the sizes of the in-memory store
 * and the token cache, which must stay within their configured bounds.
 * <p>
 * Run: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.jwtauth.benchmarks.FloodMeasurement}
 */
public final class FloodMeasurement {

	private FloodMeasurement() {
	}

	public static void main(String[] args) {
		int tokens = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.properties("logging.level.root=warn", "jwt.secret=" + BenchmarkApplication.SECRET)
			.run()) {
			System.gc();
			long before = memory.getHeapMemoryUsage().getUsed();
			@SuppressWarnings("unchecked")
			JwtTokenService<BenchmarkApplication.User> service = context.getBean(JwtTokenService.class);
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			InMemoryTokenStore store = (InMemoryTokenStore) context.getBean(TokenStore.class);
			int refused = 0;
			long start = System.nanoTime();
			for (int i = 0; i < tokens; i++) {
				String token;
				try {
					token = service.issue(BenchmarkApplication.USER).accessToken();
				}
				catch (TokenStoreUnavailableException ex) {
					refused++;
					continue;
				}
				decoder.decode(token);
			}
			long seconds = (System.nanoTime() - start) / 1_000_000_000L;
			System.gc();
			long after = memory.getHeapMemoryUsage().getUsed();
			System.out.printf("%d logins in %d s, %d refused by the full store%n", tokens, seconds, refused);
			System.out.printf("in-memory store: %d entries (bound jwt.store.memory.max-entries=100000)%n", store.size());
			System.out.printf("token cache: %d entries (bound jwt.token-cache.max-entries=10000)%n",
					((CachingJwtDecoder) decoder).size());
			System.out.printf("heap after full GC: %d MB (before the flood: %d MB)%n", after >> 20, before >> 20);
		}
	}

}
