package io.github.jwtauth.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one bean the starter needs, and the password encoder it uses.
 */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	DemoAuthBackend authBackend(PasswordEncoder passwordEncoder) {
		return new DemoAuthBackend(passwordEncoder);
	}

}
