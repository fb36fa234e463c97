package io.github.jwtauth.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.github.jwtauth.refresh.InMemoryTokenStore;
import io.github.jwtauth.refresh.TokenStore;
import io.github.jwtauth.token.JwtTokenService;
import io.github.jwtauth.token.TokenPair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The issuing path without password hashing: a login after the backend said yes (a new
 * refresh-token family and a signed access token) and a refresh (atomic consumption of the
 * presented token, the user looked up, the next pair of the family), with the in-memory store.
 * Stock {@code NimbusJwtEncoder} signing a comparable claim set is the reference for HS256.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar TokenIssuingBenchmark}
 */
public class TokenIssuingBenchmark extends MicrosecondsBenchmark {

	@Param({ "HS256", "RS256", "ES256" })
	public String algorithm;

	private ConfigurableApplicationContext context;

	private JwtTokenService<BenchmarkApplication.User> tokens;

	private InMemoryTokenStore store;

	private JwtEncoder stockEncoder;

	private String refreshToken;

	@Setup(Level.Trial)
	@SuppressWarnings("unchecked")
	public void setUp() throws Exception {
		List<String> properties = new ArrayList<>(List.of("logging.level.root=warn",
				// every login of a run stays live: room for all of them
				"jwt.store.memory.max-entries=20000000"));
		properties.addAll(BenchmarkApplication.keyProperties(this.algorithm));
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
		this.tokens = this.context.getBean(JwtTokenService.class);
		this.store = (InMemoryTokenStore) this.context.getBean(TokenStore.class);
		byte[] secret = BenchmarkApplication.SECRET.getBytes(StandardCharsets.UTF_8);
		this.stockEncoder = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(secret, "HmacSHA256")));
	}

	/** Each iteration starts from an empty store and one fresh session to refresh. */
	@Setup(Level.Iteration)
	public void startIteration() {
		this.store.removeExpired(Instant.MAX);
		this.refreshToken = this.tokens.issue(BenchmarkApplication.USER).refreshToken();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	/** Login after the password check: a new family, a refresh token and an access token. */
	@Benchmark
	public TokenPair login() {
		return this.tokens.issue(BenchmarkApplication.USER);
	}

	/** Refresh: consume the presented token and issue the next pair of its family. */
	@Benchmark
	public TokenPair refresh() {
		TokenPair pair = this.tokens.refresh(this.refreshToken);
		this.refreshToken = pair.refreshToken();
		return pair;
	}

	/** Stock Spring Security signing the same registered claims with HS256, nothing else. */
	@Benchmark
	public Object stockNimbusJwtEncoder() {
		if (!this.algorithm.equals("HS256")) {
			return null;
		}
		return BenchmarkApplication.stockToken(this.stockEncoder);
	}

}
