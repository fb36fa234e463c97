package io.github.jwtauth.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.jwtauth.JwtAuthRequired;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's protected resource.
 */
@RestController
@JwtAuthRequired
class PrivateController {

	@GetMapping("/")
	Map<String, Object> privateResource(@AuthenticationPrincipal DemoUser user) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("scope", "For your eyes only!");
		body.put("user", user);
		return body;
	}

	@GetMapping("/admin")
	@JwtAuthRequired(roles = "admin")
	Map<String, Object> adminResource(@AuthenticationPrincipal DemoUser user) {
		return Map.of("scope", "Admins only", "user", user.username());
	}

}
