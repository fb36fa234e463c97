package io.github.jwtauth.web;

import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.Assert;

/**
 * Denies a protected request (see {@link ProtectedRequestMatcher}) made without
 * authentication, or by a user with none of the roles its {@code @JwtAuthRequired} names;
 * Spring Security then answers the anonymous caller through the authentication entry point
 * (401) and the authenticated one through the access denied handler (403). Every other
 * request is granted.
 * <p>
 * It is applied in its own {@code AuthorizationFilter} so that it composes with any
 * {@code authorizeHttpRequests} rules an application writes in its own chain.
 */
public final class JwtAuthRequiredAuthorizationManager implements AuthorizationManager<HttpServletRequest> {

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final ProtectedRequestMatcher protectedRequests;

	public JwtAuthRequiredAuthorizationManager(ProtectedRequestMatcher protectedRequests) {
		Assert.notNull(protectedRequests, "protectedRequests cannot be null");
		this.protectedRequests = protectedRequests;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			HttpServletRequest request) {
		Set<String> required = this.protectedRequests.requiredAuthorities(request);
		if (required == null) {
			return GRANTED;
		}
		Authentication current = authentication.get();
		if (!this.trustResolver.isAuthenticated(current)) {
			return DENIED;
		}
		if (required.isEmpty()) {
			return GRANTED;
		}
		for (GrantedAuthority authority : current.getAuthorities()) {
			if (required.contains(authority.getAuthority())) {
				return GRANTED;
			}
		}
		return DENIED;
	}

}
