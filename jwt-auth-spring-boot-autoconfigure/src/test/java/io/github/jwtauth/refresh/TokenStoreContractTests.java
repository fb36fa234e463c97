package io.github.jwtauth.refresh;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.jwtauth.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The behaviour every {@link TokenStore} must show, run against each implementation on a
 * real backend: rotation, reuse detection, the grace window, family revocation, logout,
 * logout everywhere, expiry, cleanup and concurrent refresh.
 */
abstract class TokenStoreContractTests {

	static final Duration REFRESH_TTL = Duration.ofDays(14);

	static final Duration GRACE = Duration.ofSeconds(5);

	// Redis expires keys on its own clock, so the test clock starts at the real time.
	protected final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

	protected TokenStore store;

	protected TokenRevoker revoker;

	/**
	 * Create a store with no data visible from earlier tests.
	 * @return the store
	 */
	protected abstract TokenStore createStore();

	@BeforeEach
	void setUpStore() {
		this.store = createStore();
		this.revoker = new TokenRevoker(this.store, this.clock, REFRESH_TTL.plusMinutes(16));
	}

	private RefreshTokenService service(Duration grace) {
		return new RefreshTokenService(this.store, this.clock, REFRESH_TTL, grace, this.revoker);
	}

	@Test
	void rotateWhenFirstUseThenNextTokenOfTheSameFamily() {
		RefreshTokenService service = service(GRACE);
		RefreshGrant login = service.startFamily("alice");
		RefreshGrant next = service.rotate(login.token());
		assertThat(next.familyId()).isEqualTo(login.familyId());
		assertThat(next.subject()).isEqualTo("alice");
		assertThat(next.token()).isNotEqualTo(login.token()).matches("[A-Za-z0-9_-]{43}");
		assertThat(service.rotate(next.token()).familyId()).isEqualTo(login.familyId());
	}

	@Test
	void startFamilyWhenTwoLoginsThenTwoFamilies() {
		RefreshTokenService service = service(GRACE);
		assertThat(service.startFamily("alice").familyId()).isNotEqualTo(service.startFamily("alice").familyId());
	}

	@Test
	void rotateWhenUnknownTokenThenInvalid() {
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> service(GRACE).rotate("unknown-token"))
			.isNotInstanceOf(ReusedRefreshTokenException.class);
	}

	@Test
	void storeWhenTokenSavedThenOnlyItsHashIsAKey() {
		RefreshGrant login = service(GRACE).startFamily("alice");
		assertThat(this.store.consumeRefreshToken(login.token(), this.clock.instant())).isNull();
		assertThat(this.store.consumeRefreshToken(RefreshTokenService.hash(login.token()), this.clock.instant()))
			.isNotNull();
	}

	@Test
	void rotateWhenReusedAfterGraceThenFamilyRevokedEverywhere() {
		RefreshTokenService service = service(GRACE);
		RefreshGrant login = service.startFamily("alice");
		RefreshGrant next = service.rotate(login.token());
		RefreshGrant otherSession = service.startFamily("alice");
		Jwt accessOfFamily = accessToken("alice", next.familyId());
		assertThat(isRevoked(accessOfFamily)).isFalse();
		this.clock.advance(GRACE.plusSeconds(1));
		assertThatExceptionOfType(ReusedRefreshTokenException.class).isThrownBy(() -> service.rotate(login.token()));
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> service.rotate(next.token()))
			.withMessageContaining("revoked");
		assertThat(isRevoked(accessOfFamily)).isTrue();
		assertThat(service.rotate(otherSession.token()).familyId()).isEqualTo(otherSession.familyId());
	}

	@Test
	void rotateWhenReusedWithinGraceThenAnotherTokenOfTheSameFamily() {
		RefreshTokenService service = service(GRACE);
		RefreshGrant login = service.startFamily("alice");
		RefreshGrant first = service.rotate(login.token());
		this.clock.advance(GRACE);
		RefreshGrant retry = service.rotate(login.token());
		assertThat(retry.familyId()).isEqualTo(login.familyId());
		assertThat(retry.token()).isNotEqualTo(first.token());
		assertThat(service.rotate(first.token()).familyId()).isEqualTo(login.familyId());
		assertThat(service.rotate(retry.token()).familyId()).isEqualTo(login.familyId());
	}

	@Test
	void rotateWhenGraceIsZeroThenImmediateReuseRevokes() {
		RefreshTokenService service = service(Duration.ZERO);
		RefreshGrant login = service.startFamily("alice");
		RefreshGrant next = service.rotate(login.token());
		assertThatExceptionOfType(ReusedRefreshTokenException.class).isThrownBy(() -> service.rotate(login.token()));
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> service.rotate(next.token()));
	}

	@Test
	void revokeFamilyWhenCalledThenRefreshAndAccessTokensOfOnlyThatFamilyRefused() {
		RefreshTokenService service = service(GRACE);
		RefreshGrant revoked = service.startFamily("alice");
		RefreshGrant kept = service.startFamily("alice");
		this.revoker.revokeFamily(revoked.familyId());
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> service.rotate(revoked.token()));
		assertThat(isRevoked(accessToken("alice", revoked.familyId()))).isTrue();
		assertThat(isRevoked(accessToken("alice", kept.familyId()))).isFalse();
		assertThat(service.rotate(kept.token()).familyId()).isEqualTo(kept.familyId());
	}

	@Test
	void revokeSessionWhenLogoutThenThatAccessTokenAndFamilyRefused() {
		RefreshTokenService service = service(GRACE);
		RefreshGrant session = service.startFamily("alice");
		RefreshGrant other = service.startFamily("alice");
		Jwt access = accessToken("alice", session.familyId());
		this.revoker.revokeSession(access);
		assertThat(isRevoked(access)).isTrue();
		assertThat(isRevoked(accessToken("alice", session.familyId()))).isTrue();
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> service.rotate(session.token()));
		assertThat(isRevoked(accessToken("alice", other.familyId()))).isFalse();
	}

	@Test
	void revokeAccessTokenWhenNoFamilyThenOnlyThatTokenRefused() {
		Jwt access = accessToken("alice", null);
		this.store.revokeAccessToken(access.getId(), this.clock.instant().plusSeconds(900));
		assertThat(isRevoked(access)).isTrue();
		assertThat(isRevoked(accessToken("alice", null))).isFalse();
	}

	@Test
	void revokeAllWhenLogoutEverywhereThenEveryEarlierTokenOfTheUserRefused() {
		RefreshTokenService service = service(GRACE);
		RefreshGrant one = service.startFamily("alice");
		RefreshGrant two = service.startFamily("alice");
		RefreshGrant bob = service.startFamily("bob");
		Jwt access = accessToken("alice", one.familyId());
		this.revoker.revokeAll("alice");
		assertThat(isRevoked(access)).isTrue();
		assertThat(isRevoked(accessToken("alice", null))).isTrue();
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> service.rotate(one.token()));
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> service.rotate(two.token()));
		assertThat(service.rotate(bob.token()).subject()).isEqualTo("bob");
		this.clock.advance(Duration.ofSeconds(1));
		RefreshGrant fresh = service.startFamily("alice");
		assertThat(isRevoked(accessToken("alice", fresh.familyId()))).isFalse();
		assertThat(service.rotate(fresh.token()).familyId()).isEqualTo(fresh.familyId());
	}

	@Test
	void revokeAllWhenCalledTwiceThenLaterMarkWins() {
		this.revoker.revokeAll("alice");
		this.clock.advance(Duration.ofSeconds(10));
		Jwt between = accessToken("alice", null);
		this.clock.advance(Duration.ofSeconds(10));
		this.revoker.revokeAll("alice");
		assertThat(isRevoked(between)).isTrue();
	}

	@Test
	void rotateWhenExpiredThenInvalid() {
		RefreshTokenService service = service(GRACE);
		RefreshGrant login = service.startFamily("alice");
		this.clock.advance(REFRESH_TTL);
		assertThatExceptionOfType(InvalidRefreshTokenException.class).isThrownBy(() -> service.rotate(login.token()))
			.withMessageContaining("expired");
	}

	@Test
	void rotateWhenJustBeforeExpiryThenAccepted() {
		RefreshTokenService service = service(GRACE);
		RefreshGrant login = service.startFamily("alice");
		this.clock.advance(REFRESH_TTL.minusSeconds(1));
		assertThat(service.rotate(login.token()).subject()).isEqualTo("alice");
	}

	@Test
	void removeExpiredWhenEntriesExpiredThenTheyAreGoneAndLiveOnesStay() {
		RefreshTokenService service = service(GRACE);
		RefreshGrant old = service.startFamily("alice");
		Jwt revokedEarly = accessToken("alice", null);
		this.store.revokeAccessToken(revokedEarly.getId(), this.clock.instant().plusSeconds(60));
		this.clock.advance(Duration.ofDays(7));
		RefreshGrant live = service.startFamily("bob");
		this.clock.advance(Duration.ofDays(7).plusSeconds(1));
		assertExpiredRemoved(old, revokedEarly);
		assertThat(service.rotate(live.token()).subject()).isEqualTo("bob");
	}

	/**
	 * Assert that cleanup forgets an expired refresh token and an expired revocation.
	 * @param expiredToken a refresh token past its expiry
	 * @param expiredRevocation an access token whose revocation is past its {@code until}
	 */
	protected void assertExpiredRemoved(RefreshGrant expiredToken, Jwt expiredRevocation) {
		assertThat(this.store.removeExpired(this.clock.instant())).isGreaterThanOrEqualTo(2);
		assertThat(this.store.consumeRefreshToken(RefreshTokenService.hash(expiredToken.token()), this.clock.instant()))
			.isNull();
		assertThat(isRevoked(expiredRevocation)).isFalse();
	}

	@Test
	void rotateWhenSixteenThreadsRaceAndGraceIsZeroThenExactlyOneWinsAndFamilyIsRevokedWhole() throws Exception {
		RefreshTokenService service = service(Duration.ZERO);
		RefreshGrant login = service.startFamily("alice");
		List<Object> results = race(16, () -> service.rotate(login.token()));
		List<RefreshGrant> winners = results.stream()
			.filter(RefreshGrant.class::isInstance)
			.map(RefreshGrant.class::cast)
			.toList();
		assertThat(winners).hasSize(1);
		assertThat(results).filteredOn(InvalidRefreshTokenException.class::isInstance).hasSize(15);
		// The replays revoked the family: the winner's token is refused too, nothing half-alive remains.
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> service.rotate(winners.get(0).token()));
		assertThat(isRevoked(accessToken("alice", login.familyId()))).isTrue();
	}

	@Test
	void rotateWhenSixteenThreadsRaceWithinGraceThenAllGetTokensOfTheSameFamily() throws Exception {
		RefreshTokenService service = service(GRACE);
		RefreshGrant login = service.startFamily("alice");
		List<Object> results = race(16, () -> service.rotate(login.token()));
		assertThat(results).allMatch(RefreshGrant.class::isInstance);
		Set<String> tokens = new HashSet<>();
		for (Object result : results) {
			RefreshGrant grant = (RefreshGrant) result;
			assertThat(grant.familyId()).isEqualTo(login.familyId());
			tokens.add(grant.token());
		}
		assertThat(tokens).hasSize(16);
		for (String token : tokens) {
			assertThat(service.rotate(token).familyId()).isEqualTo(login.familyId());
		}
	}

	@Test
	void isRevokedWhenNothingRevokedThenFalse() {
		assertThat(isRevoked(accessToken("nobody", "no-family"))).isFalse();
		assertThat(this.store.isRevoked(null, null, "nobody", this.clock.instant())).isFalse();
	}

	protected boolean isRevoked(Jwt jwt) {
		return this.store.isRevoked(jwt.getId(), jwt.getClaimAsString(TokenRevoker.FAMILY_CLAIM), jwt.getSubject(),
				jwt.getIssuedAt());
	}

	protected Jwt accessToken(String subject, String familyId) {
		Instant now = this.clock.instant();
		Jwt.Builder builder = Jwt.withTokenValue("t")
			.header("alg", "HS256")
			.subject(subject)
			.jti(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plusSeconds(900));
		if (familyId != null) {
			builder.claim(TokenRevoker.FAMILY_CLAIM, familyId);
		}
		return builder.build();
	}

	private static List<Object> race(int threads, java.util.concurrent.Callable<Object> action) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					try {
						return action.call();
					}
					catch (InvalidRefreshTokenException ex) {
						return ex;
					}
				}));
			}
			start.countDown();
			List<Object> results = new ArrayList<>();
			for (Future<Object> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
