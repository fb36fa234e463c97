package io.github.jwtauth.demo;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An open endpoint: no token needed, and a stale one is ignored.
 */
@RestController
class PublicController {

	@GetMapping("/public")
	Map<String, Object> publicResource() {
		return Map.of("scope", "Anyone can see this");
	}

}
