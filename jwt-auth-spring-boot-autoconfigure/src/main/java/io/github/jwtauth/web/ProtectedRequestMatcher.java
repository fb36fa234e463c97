package io.github.jwtauth.web;

import java.lang.reflect.Method;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.jwtauth.JwtAuthRequired;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches the requests that need an access token: with {@link Scope#ANNOTATED}, those whose
 * Spring MVC handler (or its class) carries {@link JwtAuthRequired}; with {@link Scope#ALL},
 * every request except the starter's own endpoints.
 * <p>
 * The handler is looked up through the application's {@link HandlerMapping}s on a wrapper
 * that keeps their request attributes to itself, exactly as the dispatcher will later find
 * it; the answer is remembered for the request and, per handler method, for the process.
 */
public final class ProtectedRequestMatcher implements RequestMatcher {

	/** Which requests need a token. */
	public enum Scope {

		/** Only handlers annotated with {@link JwtAuthRequired}. */
		ANNOTATED,

		/** Every request except the starter's own endpoints. */
		ALL

	}

	private static final String ATTRIBUTE = ProtectedRequestMatcher.class.getName() + ".PROTECTED";

	private final Scope scope;

	private final RequestMatcher openEndpoints;

	private final Supplier<List<HandlerMapping>> handlerMappings;

	private static final Set<String> ANY_USER = Set.of();

	private static final Object OPEN = new Object();

	private final ConcurrentMap<HandlerKey, Object> requirements = new ConcurrentHashMap<>();

	private String authorityPrefix = "ROLE_";

	/**
	 * Create a matcher.
	 * @param scope which requests need a token
	 * @param openEndpoints the starter's own endpoints, which never need one
	 * @param handlerMappings the application's handler mappings, in order; looked up once,
	 * at the first request, since they are created after the security filter chain
	 */
	public ProtectedRequestMatcher(Scope scope, RequestMatcher openEndpoints,
			Supplier<Stream<HandlerMapping>> handlerMappings) {
		Assert.notNull(scope, "scope cannot be null");
		Assert.notNull(openEndpoints, "openEndpoints cannot be null");
		Assert.notNull(handlerMappings, "handlerMappings cannot be null");
		this.scope = scope;
		this.openEndpoints = openEndpoints;
		// Resolving beans on every request would cost more than the lookup itself.
		this.handlerMappings = SingletonSupplier.of(() -> handlerMappings.get().toList());
	}

	/**
	 * Set the prefix that turns {@code @JwtAuthRequired(roles)} into authorities.
	 * @param authorityPrefix the prefix, {@code ROLE_} by default
	 */
	public void setAuthorityPrefix(String authorityPrefix) {
		Assert.notNull(authorityPrefix, "authorityPrefix cannot be null");
		this.authorityPrefix = authorityPrefix;
		this.requirements.clear();
	}

	/**
	 * Return the matcher of the starter's own endpoints, which never need a token.
	 * @return the matcher
	 */
	public RequestMatcher getOpenEndpoints() {
		return this.openEndpoints;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		return requiredAuthorities(request) != null;
	}

	/**
	 * Return what a request needs.
	 * @param request the request
	 * @return {@code null} if it needs no token; otherwise the authorities of which the
	 * user needs one ({@code ROLE_}-prefixed), empty when any authenticated user will do
	 */
	@SuppressWarnings("unchecked")
	public @Nullable Set<String> requiredAuthorities(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			// Error pages and forwards were judged when the request first came in.
			return null;
		}
		Object cached = request.getAttribute(ATTRIBUTE);
		if (cached == null) {
			cached = computeRequirement(request);
			request.setAttribute(ATTRIBUTE, cached);
		}
		return (cached != OPEN) ? (Set<String>) cached : null;
	}

	private Object computeRequirement(HttpServletRequest request) {
		if (this.openEndpoints.matches(request)) {
			return OPEN;
		}
		Object handler = findHandler(new AttributesPreservingRequest(request));
		Object requirement = OPEN;
		if (handler instanceof HandlerMethod method) {
			requirement = this.requirements.computeIfAbsent(new HandlerKey(method.getBeanType(), method.getMethod()),
					this::requirementOf);
		}
		return (requirement == OPEN && this.scope == Scope.ALL) ? ANY_USER : requirement;
	}

	private Object requirementOf(HandlerKey key) {
		JwtAuthRequired annotation = AnnotatedElementUtils.findMergedAnnotation(key.method(), JwtAuthRequired.class);
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(key.type(), JwtAuthRequired.class);
		}
		if (annotation == null) {
			return OPEN;
		}
		Set<String> authorities = new java.util.LinkedHashSet<>();
		for (String role : annotation.roles()) {
			if (!role.isBlank()) {
				authorities.add(this.authorityPrefix + role);
			}
		}
		return Set.copyOf(authorities);
	}

	private @Nullable Object findHandler(HttpServletRequest request) {
		if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		for (HandlerMapping mapping : this.handlerMappings.get()) {
			HandlerExecutionChain chain;
			try {
				chain = mapping.getHandler(request);
			}
			catch (Exception ex) {
				// A mapping that rejects the request (wrong method or media type) leaves the
				// answer to the dispatcher, which will say 405 or 415 itself.
				return null;
			}
			if (chain != null) {
				return chain.getHandler();
			}
		}
		return null;
	}

	private record HandlerKey(Class<?> type, Method method) {
	}

	/**
	 * Keeps attributes that handler lookup sets (URI variables, matched pattern) away from the
	 * real request, so that looking early changes nothing for the dispatcher.
	 */
	private static final class AttributesPreservingRequest extends HttpServletRequestWrapper {

		private final Map<String, @Nullable Object> attributes = new HashMap<>();

		private final Set<String> removed = new HashSet<>();

		AttributesPreservingRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			if (this.attributes.containsKey(name)) {
				return this.attributes.get(name);
			}
			return this.removed.contains(name) ? null : super.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new HashSet<>(java.util.Collections.list(super.getAttributeNames()));
			names.removeAll(this.removed);
			names.addAll(this.attributes.keySet());
			return java.util.Collections.enumeration(names);
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			this.removed.remove(name);
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
			this.removed.add(name);
		}

	}

}
