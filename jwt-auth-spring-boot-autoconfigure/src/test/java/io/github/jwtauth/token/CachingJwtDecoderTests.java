package io.github.jwtauth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jwtauth.MutableClock;
import io.github.jwtauth.refresh.InMemoryTokenStore;
import io.github.jwtauth.refresh.TokenRevoker;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingJwtDecoderTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final AtomicInteger verifications = new AtomicInteger();

	private final InMemoryTokenStore store = new InMemoryTokenStore(this.clock, 1000);

	private final RevocationChecker revocations = new RevocationChecker(this.store, this.clock, false, Duration.ZERO, 1);

	/** Every token "a.b.<n>" is valid for 60 seconds from when it is first verified. */
	private final JwtDecoder verifier = (token) -> {
		this.verifications.incrementAndGet();
		if (token.startsWith("bad")) {
			throw new BadJwtException("bad");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "HS256")
			.subject("1")
			.jti(token)
			.claim(TokenRevoker.FAMILY_CLAIM, "family")
			.issuedAt(this.clock.instant())
			.expiresAt(this.clock.instant().plusSeconds(60))
			.build();
	};

	@Test
	void decodeWhenSeenAgainThenNotVerifiedAgain() {
		CachingJwtDecoder decoder = new CachingJwtDecoder(this.verifier, this.revocations, this.clock,
				Duration.ofSeconds(30), 10);
		Jwt first = decoder.decode("a.b.1");
		Jwt second = decoder.decode(new String("a.b.1"));
		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void decodeWhenInvalidThenNeverCached() {
		CachingJwtDecoder decoder = new CachingJwtDecoder(this.verifier, this.revocations, this.clock, Duration.ZERO, 10);
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("bad.token.1"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("bad.token.1"));
		assertThat(this.verifications).hasValue(2);
		assertThat(decoder.size()).isZero();
	}

	@Test
	void decodeWhenPastExpiryPlusSkewThenVerifiedAgainAndRefused() {
		JwtDecoder expiring = (token) -> {
			if (this.clock.instant().isAfter(Instant.parse("2026-01-01T00:01:30Z"))) {
				throw new BadJwtException("Jwt expired");
			}
			return this.verifier.decode(token);
		};
		CachingJwtDecoder decoder = new CachingJwtDecoder(expiring, this.revocations, this.clock,
				Duration.ofSeconds(30), 10);
		decoder.decode("a.b.1");
		this.clock.advance(Duration.ofSeconds(90));
		assertThat(decoder.decode("a.b.1")).isNotNull();
		this.clock.advance(Duration.ofMillis(1));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("a.b.1"));
	}

	@Test
	void decodeWhenCachedTokenRevokedThenRefused() {
		CachingJwtDecoder decoder = new CachingJwtDecoder(this.verifier, this.revocations, this.clock, Duration.ZERO, 10);
		decoder.decode("a.b.1");
		this.store.revokeFamily("family", this.clock.instant().plusSeconds(600));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder.decode("a.b.1"))
			.withMessageContaining("revoked");
	}

	@Test
	void decodeWhenFloodedWithDistinctTokensThenNeverAboveTheBound() {
		CachingJwtDecoder decoder = new CachingJwtDecoder(this.verifier, this.revocations, this.clock, Duration.ZERO,
				100);
		for (int i = 0; i < 100_000; i++) {
			decoder.decode("a.b." + i);
		}
		assertThat(decoder.size()).isEqualTo(100);
		this.clock.advance(Duration.ofMinutes(2));
		decoder.decode("a.b.new");
		assertThat(decoder.size()).isEqualTo(1);
	}

	@Test
	void decodeWhenFullAndTheEarliestEntryExpiresThenTheNextTokenIsCached() {
		CachingJwtDecoder decoder = new CachingJwtDecoder(this.verifier, this.revocations, this.clock, Duration.ZERO,
				3);
		for (int i = 1; i <= 3; i++) {
			decoder.decode("a.b." + i);
			this.clock.advance(Duration.ofSeconds(10));
		}
		for (int i = 0; i < 1000; i++) {
			decoder.decode("flood.b." + i);
		}
		assertThat(decoder.size()).isEqualTo(3);
		// a.b.1 was cached until t+60s; the next token after that takes its room
		this.clock.advance(Duration.ofSeconds(31));
		decoder.decode("a.b.late");
		int verified = this.verifications.get();
		decoder.decode("a.b.late");
		decoder.decode("a.b.3");
		assertThat(this.verifications).hasValue(verified);
		assertThat(decoder.size()).isEqualTo(3);
	}

	@Test
	void decodeWhenCacheOffThenAlwaysVerified() {
		CachingJwtDecoder decoder = new CachingJwtDecoder(this.verifier, null, this.clock, Duration.ZERO, 0);
		decoder.decode("a.b.1");
		decoder.decode("a.b.1");
		assertThat(this.verifications).hasValue(2);
		assertThat(decoder.size()).isZero();
	}

}
