package io.github.jwtauth.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bottle-jwt README example, in Spring Boot: log in as {@code pav} / {@code 123} at
 * {@code POST /auth}, then call {@code GET /} with the token.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

}
