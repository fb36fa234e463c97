package io.github.jwtauth.token;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CanonicalJwtDecoderTests {

	@ParameterizedTest
	@ValueSource(strings = { "eyJhbGciOiJIUzI1NiJ9.e30.abc-_w", "AA.AA.AA", "AAA.AAA.AAAA", "AAAE.AAAA.AAAA" })
	void isCanonicalWhenUnpaddedBase64UrlThenTrue(String token) {
		assertThat(CanonicalJwtDecoder.isCanonical(token)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "..", "AA.AA", "AA.AA.AA.AA", "AA..AA", "AA.AA.", ".AA.AA", "AA==.AA.AA",
			"AA.AA.A", "A+.AA.AA", "A/.AA.AA", "AB.AA.AA", "AAB.AA.AA", "AA.AA.A A", "AA.AA.AA\n", "AA.AA.\u00c0A" })
	void isCanonicalWhenPaddedStandardAlphabetOrNonZeroTrailingBitsThenFalse(String token) {
		assertThat(CanonicalJwtDecoder.isCanonical(token)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "AB.AA.AA", "AA.AA.AA=" })
	void decodeWhenNotCanonicalThenBadJwtWithoutCallingDelegate(String token) {
		AtomicInteger calls = new AtomicInteger();
		CanonicalJwtDecoder decoder = new CanonicalJwtDecoder((value) -> {
			calls.incrementAndGet();
			throw new IllegalStateException("not reached");
		});
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token))
			.withMessageContaining("Malformed");
		assertThat(calls).hasValue(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "AA.AA.AA" })
	void decodeWhenDelegateFailsWithPlainJwtExceptionThenBadJwt(String token) {
		CanonicalJwtDecoder decoder = new CanonicalJwtDecoder((value) -> {
			throw new JwtException("verifier failed");
		});
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token));
	}

	@ParameterizedTest
	@ValueSource(strings = { "AA.AA.AA" })
	void decodeWhenCanonicalThenDelegates(String token) {
		Jwt jwt = Jwt.withTokenValue(token).header("alg", "HS256").subject("1").build();
		assertThat(new CanonicalJwtDecoder((value) -> jwt).decode(token)).isSameAs(jwt);
	}

}
