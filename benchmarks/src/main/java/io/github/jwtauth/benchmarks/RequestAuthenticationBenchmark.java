package io.github.jwtauth.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.jwtauth.token.JwtTokenService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import io.github.jwtauth.web.JwtAuthenticationManagerResolver;
import io.github.jwtauth.web.JwtUserAuthenticationConverter;
import io.github.jwtauth.web.ProtectedRequestMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The per-request cost of authentication, from the header string to an authenticated
 * {@code Authentication}: the starter's resolver, decoder, validators, revocation check (in
 * memory) and user lookup (trivial backend), against the floor (HMAC-SHA256 over the signing
 * input and a base64url decode, nothing else) and stock {@code NimbusJwtDecoder.decode}.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar RequestAuthenticationBenchmark}
 */
public class RequestAuthenticationBenchmark extends MicrosecondsBenchmark {

	@Param({ "HS256", "RS256", "ES256" })
	public String algorithm;

	@Param({ "per-request", "claims-only" })
	public String userLookup;

	@Param({ "10000" })
	public int tokenCache;

	private ConfigurableApplicationContext context;

	private BearerTokenResolver resolver;

	private JwtAuthenticationManagerResolver managers;

	private JwtDecoder starterDecoder;

	private NimbusJwtDecoder stockDecoder;

	private String token;

	private byte[] tokenBytes;

	private String authorization;

	private HttpServletRequest request;

	private Mac mac;

	private byte[] signingInput;

	private String signature;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "logging.level.root=warn",
				"jwt.user-lookup=" + this.userLookup, "jwt.token-cache.max-entries=" + this.tokenCache));
		properties.addAll(BenchmarkApplication.keyProperties(this.algorithm));
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.properties(properties.toArray(String[]::new))
			.run();
		this.resolver = this.context.getBean(BearerTokenResolver.class);
		this.starterDecoder = this.context.getBean(JwtDecoder.class);
		this.managers = new JwtAuthenticationManagerResolver(this.context.getBean(ProtectedRequestMatcher.class),
				this.starterDecoder, this.context.getBean(JwtUserAuthenticationConverter.class));
		@SuppressWarnings("unchecked")
		JwtTokenService<BenchmarkApplication.User> tokens = this.context.getBean(JwtTokenService.class);
		this.token = tokens.issue(BenchmarkApplication.USER).accessToken();
		this.authorization = "Bearer " + this.token;
		this.tokenBytes = this.token.getBytes(StandardCharsets.US_ASCII);
		SecretKeySpec key = new SecretKeySpec(BenchmarkApplication.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.stockDecoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		this.mac = Mac.getInstance("HmacSHA256");
		this.mac.init(key);
		int dot = this.token.lastIndexOf('.');
		this.signingInput = this.token.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
		this.signature = this.token.substring(dot + 1);
		if (!this.algorithm.equals("HS256")) {
			this.stockDecoder = null;
		}
		// The "does this handler need a token" answer is remembered per request; it is the
		// handler lookup, measured by the load test, not part of the token check.
		this.request = new FreshHeaderRequest(new MockHttpServletRequest("GET", "/"), this.authorization);
		this.context.getBean(ProtectedRequestMatcher.class).matches(this.request);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	/** The floor: what any correct HS256 check must at least do. */
	@Benchmark
	public boolean floorHmacSha256AndBase64Url() throws Exception {
		Mac copy = (Mac) this.mac.clone();
		byte[] expected = copy.doFinal(this.signingInput);
		byte[] actual = Base64.getUrlDecoder().decode(this.signature);
		return MessageDigest.isEqual(expected, actual);
	}

	/** Stock Spring Security, decode alone (HS256 only). */
	@Benchmark
	public Object stockNimbusJwtDecoder() {
		return (this.stockDecoder != null) ? this.stockDecoder.decode(this.token) : null;
	}

	/** The starter's decoder alone: canonical check, signature, validators, revocation. */
	@Benchmark
	public Object starterDecoder() {
		// a fresh String, as every request brings one: no cached hash code (new String(String)
		// would copy the hash)
		return this.starterDecoder.decode(new String(this.tokenBytes, StandardCharsets.US_ASCII));
	}

	/** The starter, header to authenticated Authentication, as BearerTokenAuthenticationFilter runs it. */
	@Benchmark
	public Authentication starterRequestAuthentication() {
		String bearer = this.resolver.resolve(this.request);
		return this.managers.resolve(this.request).authenticate(new BearerTokenAuthenticationToken(bearer));
	}

	/**
	 * A request whose {@code Authorization} header is a new string each time it is read, as
	 * the servlet container makes one per request: no cached hash code.
	 */
	private static final class FreshHeaderRequest extends HttpServletRequestWrapper {

		private final byte[] authorization;

		FreshHeaderRequest(HttpServletRequest request, String authorization) {
			super(request);
			this.authorization = authorization.getBytes(StandardCharsets.US_ASCII);
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? authorization() : null;
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.enumeration(List.of(authorization()))
					: Collections.emptyEnumeration();
		}

		private String authorization() {
			return new String(this.authorization, StandardCharsets.US_ASCII);
		}

	}

}
