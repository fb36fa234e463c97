package io.github.jwtauth.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemeBearerTokenResolverTests {

	private final SchemeBearerTokenResolver resolver = new SchemeBearerTokenResolver(List.of("Bearer", "JWT"),
			(request) -> !request.getRequestURI().startsWith("/public"));

	@ParameterizedTest
	@ValueSource(strings = { "Bearer a.b.c", "bearer a.b.c", "JWT a.b.c", "jwt a.b.c", "BEARER a.b.c" })
	void resolveWhenConfiguredSchemeThenToken(String header) {
		assertThat(this.resolver.resolve(request("/", header))).isEqualTo("a.b.c");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Basic cGF2OjEyMw==", "a.b.c", "Token a.b.c", "Bearerx a.b.c" })
	void resolveWhenOtherSchemeOrNoSchemeThenNoToken(String header) {
		assertThat(this.resolver.resolve(request("/", header))).isNull();
	}

	@Test
	void resolveWhenSchemeMatchesOnlyOutsideAsciiThenNoToken() {
		// U+212A KELVIN SIGN lower-cases to 'k', U+0435 is a Cyrillic 'e': neither spells a scheme
		SchemeBearerTokenResolver tokenScheme = new SchemeBearerTokenResolver(List.of("Token"), (request) -> true);
		assertThat(tokenScheme.resolve(request("/", "To\u212Aen a.b.c"))).isNull();
		assertThat(tokenScheme.resolve(request("/", "TOKEN a.b.c"))).isEqualTo("a.b.c");
		assertThat(this.resolver.resolve(request("/", "B\u0435arer a.b.c"))).isNull();
	}

	@Test
	void resolveWhenNoHeaderThenNoToken() {
		assertThat(this.resolver.resolve(request("/", null))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer ", "Bearer  a.b.c", "Bearer a b", "Bearer a,b", "JWT \"a\"", "Bearer ===",
			"Bearer a\u00e9" })
	void resolveWhenTokenMalformedThenInvalidToken(String header) {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.resolver.resolve(request("/", header)))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token"));
	}

	@Test
	void resolveWhenTokenLongerThanLimitThenInvalidToken() {
		String header = "Bearer " + "a".repeat(SchemeBearerTokenResolver.MAX_TOKEN_LENGTH + 1);
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.resolver.resolve(request("/", header)));
		String atLimit = "Bearer " + "a".repeat(SchemeBearerTokenResolver.MAX_TOKEN_LENGTH);
		assertThat(this.resolver.resolve(request("/", atLimit))).hasSize(SchemeBearerTokenResolver.MAX_TOKEN_LENGTH);
	}

	@Test
	void resolveWhenTwoAuthorizationHeadersThenInvalidRequest() {
		MockHttpServletRequest request = request("/", "Bearer a.b.c");
		request.addHeader("Authorization", "Bearer d.e.f");
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.resolver.resolve(request))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer !!!", "JWT ", "Bearer a b" })
	void resolveWhenRequestNeedsNoTokenThenMalformedHeaderIgnored(String header) {
		assertThat(this.resolver.resolve(request("/public", header))).isNull();
	}

	@Test
	void resolveWhenRequestNeedsNoTokenThenWellFormedTokenStillResolved() {
		assertThat(this.resolver.resolve(request("/public", "Bearer a.b.c"))).isEqualTo("a.b.c");
	}

	@Test
	void resolveWhenOnlyBearerConfiguredThenJwtSchemeIsNoToken() {
		SchemeBearerTokenResolver bearerOnly = new SchemeBearerTokenResolver(List.of(" Bearer "), (request) -> true);
		assertThat(bearerOnly.resolve(request("/", "JWT a.b.c"))).isNull();
		assertThat(bearerOnly.resolve(request("/", "Bearer a.b.c"))).isEqualTo("a.b.c");
	}

	private static MockHttpServletRequest request(String path, String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return request;
	}

}
