package io.github.jwtauth.benchmarks;


import io.github.jwtauth.web.ProtectedRequestMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * What every request pays, token or not, with {@code jwt.scope=annotated}: finding out
 * whether its handler carries {@code @JwtAuthRequired}, which means the handler lookup the
 * dispatcher will do again later. Measured against that same lookup and against the cost of
 * the request object alone.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar HandlerLookupBenchmark}
 */
public class HandlerLookupBenchmark extends MicrosecondsBenchmark {

	@Param({ "/public", "/" })
	public String path;

	private ConfigurableApplicationContext context;

	private ProtectedRequestMatcher matcher;

	private RequestMappingHandlerMapping mapping;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.properties("server.port=0", "logging.level.root=warn", "jwt.secret=" + BenchmarkApplication.SECRET)
			.run();
		this.matcher = this.context.getBean(ProtectedRequestMatcher.class);
		this.mapping = this.context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	/** The request object alone, which both others create too. */
	@Benchmark
	public Object request() {
		return new MockHttpServletRequest("GET", this.path);
	}

	/** The starter's question, on a new request (nothing remembered from an earlier one). */
	@Benchmark
	public Object starterRequiredAuthorities() {
		return this.matcher.requiredAuthorities(new MockHttpServletRequest("GET", this.path));
	}

	/** The dispatcher's own handler lookup, which every Spring MVC request pays anyway. */
	@Benchmark
	public HandlerExecutionChain dispatcherHandlerLookup() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", this.path);
		ServletRequestPathUtils.parseAndCache(request);
		return this.mapping.getHandler(request);
	}

}
