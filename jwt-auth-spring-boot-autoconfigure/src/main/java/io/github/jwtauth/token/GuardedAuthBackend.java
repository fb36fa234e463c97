package io.github.jwtauth.token;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.AuthBackendUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Wraps the application's {@link AuthBackend} so that any failure of it surfaces as one
 * {@link AuthBackendUnavailableException} (answered with 503) and a {@code null} where
 * the SPI promises a value is caught here rather than deep in the filter chain.
 *
 * @param <U> the user type
 */
public final class GuardedAuthBackend<U> implements AuthBackend<U> {

	private static final Log logger = LogFactory.getLog(GuardedAuthBackend.class);

	private final AuthBackend<U> delegate;

	public GuardedAuthBackend(AuthBackend<U> delegate) {
		Assert.notNull(delegate, "delegate cannot be null");
		this.delegate = (delegate instanceof GuardedAuthBackend<U> guarded) ? guarded.delegate : delegate;
	}

	@Override
	public Optional<U> authenticate(String username, String password) {
		try {
			return nonNull(this.delegate.authenticate(username, password), "authenticate");
		}
		catch (AuthBackendUnavailableException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw unavailable("authenticate", ex);
		}
	}

	@Override
	public Optional<U> findById(String id) {
		try {
			return nonNull(this.delegate.findById(id), "findById");
		}
		catch (AuthBackendUnavailableException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw unavailable("findById", ex);
		}
	}

	@Override
	public String idOf(U user) {
		String id;
		try {
			id = this.delegate.idOf(user);
		}
		catch (RuntimeException ex) {
			throw unavailable("idOf", ex);
		}
		if (id == null || id.isEmpty()) {
			throw new IllegalStateException("AuthBackend.idOf returned an empty id; every user needs a stable id");
		}
		return id;
	}

	@Override
	public Collection<String> rolesOf(U user) {
		try {
			Collection<String> roles = this.delegate.rolesOf(user);
			return (roles != null) ? roles : List.of();
		}
		catch (RuntimeException ex) {
			throw unavailable("rolesOf", ex);
		}
	}

	private static <T> Optional<T> nonNull(Optional<T> result, String method) {
		if (result == null) {
			throw new AuthBackendUnavailableException("AuthBackend." + method + " returned null instead of an Optional");
		}
		return result;
	}

	private static AuthBackendUnavailableException unavailable(String method, RuntimeException ex) {
		// The exception is logged, never sent: it may name hosts, queries or users.
		logger.warn("AuthBackend." + method + " failed; answering 503 temporarily_unavailable", ex);
		return new AuthBackendUnavailableException("The authentication backend is unavailable", ex);
	}

}
