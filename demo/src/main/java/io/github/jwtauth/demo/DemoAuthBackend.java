package io.github.jwtauth.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jwtauth.AuthBackend;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The seed's backend: one user, {@code pav} / {@code 123}, with the password held as a
 * BCrypt hash. An unknown username is checked against a dummy hash so that it costs the
 * same time as a wrong password.
 */
public final class DemoAuthBackend implements AuthBackend<DemoUser> {

	private final PasswordEncoder passwordEncoder;

	private final String dummyHash;

	private final Map<String, Account> accounts = new ConcurrentHashMap<>();

	public DemoAuthBackend(PasswordEncoder passwordEncoder) {
		this.passwordEncoder = passwordEncoder;
		this.dummyHash = passwordEncoder.encode("not-a-password-of-anyone");
		add(new DemoUser(1237832L, "pav", Map.of("sex", "male", "active", true)), "123");
	}

	/**
	 * Add or replace a user.
	 * @param user the user
	 * @param password the password, hashed before it is kept
	 */
	public void add(DemoUser user, String password) {
		this.accounts.put(user.username(), new Account(user, this.passwordEncoder.encode(password)));
	}

	/**
	 * Remove a user; its tokens stop working at once.
	 * @param username the login name
	 */
	public void remove(String username) {
		this.accounts.remove(username);
	}

	@Override
	public Optional<DemoUser> authenticate(String username, String password) {
		Account account = this.accounts.get(username);
		String hash = (account != null) ? account.passwordHash() : this.dummyHash;
		boolean matches = this.passwordEncoder.matches(password, hash);
		return (account != null && matches) ? Optional.of(account.user()) : Optional.empty();
	}

	@Override
	public Optional<DemoUser> findById(String id) {
		return this.accounts.values()
			.stream()
			.map(Account::user)
			.filter((user) -> Long.toString(user.id()).equals(id))
			.findFirst();
	}

	@Override
	public String idOf(DemoUser user) {
		return Long.toString(user.id());
	}

	@Override
	public List<String> rolesOf(DemoUser user) {
		return List.of("user");
	}

	private record Account(DemoUser user, String passwordHash) {
	}

}
