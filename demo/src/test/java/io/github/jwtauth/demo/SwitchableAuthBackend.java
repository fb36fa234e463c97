package io.github.jwtauth.demo;

import java.util.Collection;
import java.util.Optional;

import io.github.jwtauth.AuthBackend;

/**
 * The demo backend behind a switch that makes every call fail, as an outage would.
 */
final class SwitchableAuthBackend implements AuthBackend<DemoUser> {

	private final DemoAuthBackend delegate;

	private volatile boolean down;

	SwitchableAuthBackend(DemoAuthBackend delegate) {
		this.delegate = delegate;
	}

	void setDown(boolean down) {
		this.down = down;
	}

	@Override
	public Optional<DemoUser> authenticate(String username, String password) {
		check();
		return this.delegate.authenticate(username, password);
	}

	@Override
	public Optional<DemoUser> findById(String id) {
		check();
		return this.delegate.findById(id);
	}

	@Override
	public String idOf(DemoUser user) {
		return this.delegate.idOf(user);
	}

	@Override
	public Collection<String> rolesOf(DemoUser user) {
		return this.delegate.rolesOf(user);
	}

	private void check() {
		if (this.down) {
			throw new IllegalStateException("connection refused: db.internal:5432");
		}
	}

}
