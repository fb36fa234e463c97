package io.github.jwtauth.benchmarks;

import java.util.List;
import java.util.Optional;

import io.github.jwtauth.AuthBackend;
import io.github.jwtauth.JwtAuthRequired;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest application with the starter: a trivial backend and one protected handler.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(BenchmarkApplication.Protected.class)
public class BenchmarkApplication {

	/** The one user. */
	public static final User USER = new User("1237832", "pav");

	@Bean
	AuthBackend<User> authBackend() {
		return new AuthBackend<>() {

			@Override
			public Optional<User> authenticate(String username, String password) {
				return "pav".equals(username) && "123".equals(password) ? Optional.of(USER) : Optional.empty();
			}

			@Override
			public Optional<User> findById(String id) {
				return USER.id().equals(id) ? Optional.of(USER) : Optional.empty();
			}

			@Override
			public String idOf(User user) {
				return user.id();
			}

			@Override
			public List<String> rolesOf(User user) {
				return List.of("user");
			}

		};
	}

	/**
	 * A user.
	 *
	 * @param id the id
	 * @param username the name
	 */
	public record User(String id, String username) {
	}

	@RestController
	static class Protected {

		@GetMapping("/")
		@JwtAuthRequired
		String me() {
			return "me";
		}

	}

}
