package io.github.jwtauth.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtauth.MutableClock;
import io.github.jwtauth.token.JwtTokenService;
import io.github.jwtauth.token.TokenPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests: the demo application on a random port, driven over real HTTP. They
 * cover bottle-jwt's own test cases, every row of PRODUCT.md's endpoint tables and a set of
 * hostile inputs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "jwt.secret=" + DemoApplicationTests.SECRET)
@ExtendWith(OutputCaptureExtension.class)
class DemoApplicationTests {

	static final String SECRET = "e2e-secret-that-is-long-enough-for-hs256-0123456789";

	static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> issued = new ArrayList<>();

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@Autowired
	private SwitchableAuthBackend backend;

	@Autowired
	private DemoAuthBackend users;

	@Autowired
	private JwtTokenService<DemoUser> tokenService;

	@BeforeEach
	void resetWorld() {
		this.clock.set(START);
		this.backend.setDown(false);
	}

	@AfterEach
	void noTokenOrPasswordInLogs(CapturedOutput output) {
		for (String token : this.issued) {
			assertThat(output.getAll()).doesNotContain(token);
		}
		assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain("db.internal:5432\"");
	}

	// bottle-jwt test_auth_plugin_login_pass, with the full shape of PRODUCT.md
	@Test
	void loginWhenJsonCredentialsValidThenTokenPair() throws Exception {
		HttpResponse<String> response = postJson("/auth", "{\"username\":\"pav\",\"password\":\"123\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
		JsonNode body = json.readTree(response.body());
		assertThat(body.propertyNames()).containsExactly("token", "token_type", "expires_in", "refresh_token",
				"refresh_expires_in");
		assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(900);
		assertThat(body.get("refresh_expires_in").asLong()).isEqualTo(1209600);
		assertThat(body.get("refresh_token").stringValue()).matches("[A-Za-z0-9_-]{43}");
		String token = body.get("token").stringValue();
		this.issued.add(token);
		JsonNode header = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
		assertThat(header.get("alg").stringValue()).isEqualTo("HS256");
		assertThat(header.has("kid")).isFalse();
		JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		assertThat(claims.get("sub").stringValue()).isEqualTo("1237832");
		assertThat(claims.get("iat").asLong()).isEqualTo(START.getEpochSecond());
		assertThat(claims.get("exp").asLong()).isEqualTo(START.getEpochSecond() + 900);
		assertThat(claims.get("jti").stringValue()).isNotEmpty();
		assertThat(claims.get("roles").get(0).stringValue()).isEqualTo("user");
		assertThat(claims.has("password")).isFalse();
	}

	@Test
	void loginWhenFormCredentialsValidThenTokenPair() throws Exception {
		HttpResponse<String> response = post("/auth", "application/x-www-form-urlencoded", "username=pav&password=123");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("token").stringValue()).contains(".");
	}

	@Test
	void loginWhenJsonWithCharsetThenTokenPair() throws Exception {
		HttpResponse<String> response = post("/auth", "application/json; charset=utf-8",
				"{\"username\":\"pav\",\"password\":\"123\"}");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	// bottle-jwt test_auth_plugin_login_fail: 401 here, where the seed answered 200
	@Test
	void loginWhenPasswordWrongThenInvalidCredentials() throws Exception {
		HttpResponse<String> response = postJson("/auth", "{\"username\":\"pav\",\"password\":\"12\"}");
		assertProblem(response, 401, "invalid_credentials");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	@Test
	void loginWhenUserUnknownThenSameAnswerAsWrongPassword() throws Exception {
		HttpResponse<String> unknown = postJson("/auth", "{\"username\":\"nobody\",\"password\":\"123\"}");
		HttpResponse<String> wrong = postJson("/auth", "{\"username\":\"pav\",\"password\":\"124\"}");
		assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
		assertThat(unknown.body()).isEqualTo(wrong.body());
	}

	@Test
	void loginWhenFormPasswordWrongThenInvalidCredentials() throws Exception {
		assertProblem(post("/auth", "application/x-www-form-urlencoded", "username=pav&password=1234"), 401,
				"invalid_credentials");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "[1,2]", "\"pav\"", "", "{bad", "{\"username\":\"pav\"}",
			"{\"password\":\"123\"}", "{\"username\":\"pav\",\"password\":123}",
			"{\"username\":null,\"password\":\"123\"}", "{\"username\":[\"pav\"],\"password\":\"123\"}", "null" })
	void loginWhenJsonBodyUnusableThenInvalidRequest(String body) throws Exception {
		assertProblem(postJson("/auth", body), 400, "invalid_request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "username=pav", "password=123", "username=pav&username=ama&password=123",
			"username=%zz&password=123" })
	void loginWhenFormBodyUnusableThenInvalidRequest(String body) throws Exception {
		assertProblem(post("/auth", "application/x-www-form-urlencoded", body), 400, "invalid_request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml", "*/*", "application/*", "multipart/form-data",
			"application/json; charset=nope", "garbage/", ";;;" })
	void loginWhenContentTypeUnsupportedThenInvalidRequest(String contentType) throws Exception {
		assertProblem(post("/auth", contentType, "{\"username\":\"pav\",\"password\":\"123\"}"), 400,
				"invalid_request");
	}

	@Test
	void loginWhenCredentialsInQueryStringThenRefused() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/auth?username=pav&password=123"))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertProblem(response, 400, "invalid_request");
	}

	@Test
	void loginWhenNotPostThenMethodNotAllowed() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/auth")).GET());
		assertProblem(response, 405, "invalid_request");
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void loginWhenUnicodeAndControlCharactersThenInvalidCredentials() throws Exception {
		assertProblem(postJson("/auth", "{\"username\":\"p\\u0000\u00e4v\uD83D\uDE00\",\"password\":\"\\u202e123\"}"),
				401, "invalid_credentials");
	}

	@Test
	void loginWhenBodyIsNotUtf8ThenInvalidRequest() throws Exception {
		byte[] body = { '{', '"', 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xFE,
				'"', '}' };
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/auth"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
		assertProblem(response, 400, "invalid_request");
	}

	@Test
	void loginWhenBodyIsFiveMegabytesThenContentTooLarge() throws Exception {
		String huge = "{\"username\":\"" + "a".repeat(5 * 1024 * 1024) + "\",\"password\":\"123\"}";
		assertProblem(postJson("/auth", huge), 413, "invalid_request");
	}

	@Test
	void loginWhenBackendThrowsThenTemporarilyUnavailable() throws Exception {
		this.backend.setDown(true);
		HttpResponse<String> response = postJson("/auth", "{\"username\":\"pav\",\"password\":\"123\"}");
		assertProblem(response, 503, "temporarily_unavailable");
		assertThat(response.body()).doesNotContain("db.internal").doesNotContain("Exception");
	}

	// bottle-jwt test_auth_plugin_authentication_pass
	@Test
	void protectedRouteWhenTokenValidThenHandlerSeesUserRecord() throws Exception {
		HttpResponse<String> response = get("/", "JWT " + login().accessToken());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body())).isEqualTo(json.readTree(
				"{\"scope\":\"For your eyes only!\",\"user\":{\"id\":1237832,\"username\":\"pav\",\"data\":{\"sex\":\"male\",\"active\":true}}}"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer", "JWT", "bearer", "jwt", "BEARER" })
	void protectedRouteWhenAnyConfiguredSchemeThenOk(String scheme) throws Exception {
		assertThat(get("/", scheme + " " + login().accessToken()).statusCode()).isEqualTo(200);
	}

	// bottle-jwt test_auth_plugin_authentication_fail (a): 401 here, where the seed answered 403
	@Test
	void protectedRouteWhenNoTokenThenUnauthorizedWithBareChallenge() throws Exception {
		HttpResponse<String> response = get("/", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("status").asInt()).isEqualTo(401);
		assertThat(body.get("title").stringValue()).isEqualTo("Unauthorized");
		assertThat(body.get("type").stringValue()).isEqualTo("about:blank");
		assertThat(body.get("detail").stringValue()).isNotEmpty();
		assertThat(body.has("error")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Basic cGF2OjEyMw==", "Digest x", "Token abc" })
	void protectedRouteWhenOtherSchemeThenTreatedAsNoToken(String authorization) throws Exception {
		HttpResponse<String> response = get("/", authorization);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
	}

	@Test
	void protectedRouteWhenBareTokenWithoutSchemeThenNoToken() throws Exception {
		HttpResponse<String> response = get("/", login().accessToken());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
	}

	// bottle-jwt test_provider_authorize_fail (a): a truncated token
	@Test
	void protectedRouteWhenTokenTamperedThenInvalidToken() throws Exception {
		String token = login().accessToken();
		assertInvalidToken(get("/", "JWT " + token.substring(0, token.length() - 1)), null);
		String[] parts = token.split("\\.");
		String otherClaims = b64("{\"sub\":\"1\",\"exp\":" + (START.getEpochSecond() + 900) + "}");
		assertInvalidToken(get("/", "Bearer " + parts[0] + "." + otherClaims + "." + parts[2]), "signature");
	}

	// bottle-jwt test_auth_plugin_authentication_fail (b): expiry, with an injected clock
	@Test
	void protectedRouteWhenTokenExpiredThenInvalidToken() throws Exception {
		String token = login().accessToken();
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(30));
		assertThat(get("/", "JWT " + token).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(1));
		assertInvalidToken(get("/", "JWT " + token), "expired");
	}

	@Test
	void protectedRouteWhenUserRemovedThenInvalidTokenAtOnce() throws Exception {
		String token = login().accessToken();
		this.users.remove("pav");
		try {
			assertInvalidToken(get("/", "Bearer " + token), "no longer exists");
		}
		finally {
			this.users.add(new DemoUser(1237832L, "pav", Map.of("sex", "male", "active", true)), "123");
		}
	}

	@Test
	void protectedRouteWhenBackendThrowsThenTemporarilyUnavailable() throws Exception {
		String token = login().accessToken();
		this.backend.setDown(true);
		HttpResponse<String> response = get("/", "Bearer " + token);
		assertProblem(response, 503, "temporarily_unavailable");
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void protectedRouteWhenRoleMissingThenInsufficientScope() throws Exception {
		HttpResponse<String> response = get("/admin", "Bearer " + login().accessToken());
		assertProblem(response, 403, "insufficient_scope");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
			.startsWith("Bearer error=\"insufficient_scope\"");
	}

	@Test
	void protectedRouteWhenRoleMissingAndNoTokenThenUnauthorized() throws Exception {
		assertThat(get("/admin", null).statusCode()).isEqualTo(401);
	}

	@Test
	void openRouteWhenTokenBadOrExpiredThenProceedsAnonymously() throws Exception {
		String token = login().accessToken();
		this.clock.advance(Duration.ofDays(1));
		assertThat(get("/public", "Bearer " + token).statusCode()).isEqualTo(200);
		assertThat(get("/public", "Bearer garbage!!").statusCode()).isEqualTo(200);
		assertThat(get("/public", "JWT ").statusCode()).isEqualTo(200);
		assertThat(get("/public", null).body()).isEqualTo("{\"scope\":\"Anyone can see this\"}");
	}

	@Test
	void refreshWhenTokenValidThenNewPairOfTheSameSession() throws Exception {
		TokenPair first = login();
		HttpResponse<String> response = postJson("/auth/refresh",
				"{\"refresh_token\":\"" + first.refreshToken() + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode body = json.readTree(response.body());
		assertThat(body.propertyNames()).containsExactly("token", "token_type", "expires_in", "refresh_token",
				"refresh_expires_in");
		String next = body.get("refresh_token").stringValue();
		String access = body.get("token").stringValue();
		this.issued.add(access);
		this.issued.add(next);
		assertThat(next).isNotEqualTo(first.refreshToken());
		assertThat(claim(access, "sid")).isEqualTo(claim(first.accessToken(), "sid"));
		assertThat(get("/", "Bearer " + access).statusCode()).isEqualTo(200);
		HttpResponse<String> form = post("/auth/refresh", "application/x-www-form-urlencoded",
				"refresh_token=" + next);
		assertThat(form.statusCode()).isEqualTo(200);
		this.issued.add(json.readTree(form.body()).get("token").stringValue());
	}

	@Test
	void refreshWhenReplayedWithinGraceThenAnotherPairOfTheSameSession() throws Exception {
		TokenPair first = login();
		assertThat(refresh(first.refreshToken()).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(5));
		HttpResponse<String> retry = refresh(first.refreshToken());
		assertThat(retry.statusCode()).isEqualTo(200);
		String access = json.readTree(retry.body()).get("token").stringValue();
		this.issued.add(access);
		assertThat(claim(access, "sid")).isEqualTo(claim(first.accessToken(), "sid"));
	}

	@Test
	void refreshWhenReplayedAfterGraceThenReuseDetectedAndWholeSessionRevoked() throws Exception {
		TokenPair first = login();
		HttpResponse<String> rotated = refresh(first.refreshToken());
		JsonNode body = json.readTree(rotated.body());
		String access = body.get("token").stringValue();
		String next = body.get("refresh_token").stringValue();
		this.issued.add(access);
		this.issued.add(next);
		TokenPair otherSession = login();
		this.clock.advance(Duration.ofSeconds(6));
		HttpResponse<String> replay = refresh(first.refreshToken());
		assertProblem(replay, 401, "invalid_grant");
		assertThat(json.readTree(replay.body()).get("detail").stringValue()).contains("already used");
		assertProblem(refresh(next), 401, "invalid_grant");
		assertInvalidToken(get("/", "Bearer " + access), "revoked");
		assertInvalidToken(get("/", "Bearer " + first.accessToken()), "revoked");
		assertThat(get("/", "Bearer " + otherSession.accessToken()).statusCode()).isEqualTo(200);
	}

	@Test
	void logoutWhenAccessTokenThenSessionRevokedAndOtherSessionsKept() throws Exception {
		TokenPair session = login();
		TokenPair other = login();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/auth/logout"))
			.header("Authorization", "Bearer " + session.accessToken())
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertInvalidToken(get("/", "Bearer " + session.accessToken()), "revoked");
		assertProblem(refresh(session.refreshToken()), 401, "invalid_grant");
		assertThat(get("/", "Bearer " + other.accessToken()).statusCode()).isEqualTo(200);
		assertThat(refresh(other.refreshToken()).statusCode()).isEqualTo(200);
	}

	@Test
	void logoutAllWhenAccessTokenThenEverySessionOfTheUserRevoked() throws Exception {
		// Another user: the clock returns to START for every test, and pav must stay usable.
		this.users.add(new DemoUser(2L, "ama", Map.of()), "456");
		TokenPair one = login("ama", "456");
		TokenPair two = login("ama", "456");
		TokenPair pav = login();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/auth/logout-all"))
			.header("Authorization", "JWT " + one.accessToken())
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(204);
		assertInvalidToken(get("/", "Bearer " + one.accessToken()), "revoked");
		assertInvalidToken(get("/", "Bearer " + two.accessToken()), "revoked");
		assertProblem(refresh(two.refreshToken()), 401, "invalid_grant");
		assertThat(get("/", "Bearer " + pav.accessToken()).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(get("/", "Bearer " + login("ama", "456").accessToken()).statusCode()).isEqualTo(200);
	}

	@Test
	void logoutWhenNoTokenThenUnauthorizedAndWhenNotPostThenMethodNotAllowed() throws Exception {
		HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/auth/logout"))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
		HttpResponse<String> get = get("/auth/logout-all", "Bearer " + login().accessToken());
		assertProblem(get, 405, "invalid_request");
	}

	@Test
	void refreshWhenExpiredThenInvalidGrant() throws Exception {
		TokenPair pair = login();
		this.clock.advance(Duration.ofDays(14));
		assertProblem(postJson("/auth/refresh", "{\"refresh_token\":\"" + pair.refreshToken() + "\"}"), 401,
				"invalid_grant");
	}

	@Test
	void refreshWhenGivenAccessTokenThenInvalidGrant() throws Exception {
		TokenPair pair = login();
		assertProblem(postJson("/auth/refresh", "{\"refresh_token\":\"" + pair.accessToken() + "\"}"), 401,
				"invalid_grant");
	}

	@Test
	void protectedRouteWhenGivenRefreshTokenThenInvalidToken() throws Exception {
		TokenPair pair = login();
		assertInvalidToken(get("/", "Bearer " + pair.refreshToken()), "malformed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"refresh_token\":42}", "[]", "" })
	void refreshWhenBodyUnusableThenInvalidRequest(String body) throws Exception {
		assertProblem(postJson("/auth/refresh", body), 400, "invalid_request");
	}

	@Test
	void refreshWhenUnknownTokenThenInvalidGrant() throws Exception {
		assertProblem(postJson("/auth/refresh", "{\"refresh_token\":\"" + "x".repeat(10_000) + "\"}"), 401,
				"invalid_grant");
	}

	@Test
	void refreshWhenBackendThrowsThenTemporarilyUnavailable() throws Exception {
		TokenPair pair = login();
		this.backend.setDown(true);
		assertProblem(postJson("/auth/refresh", "{\"refresh_token\":\"" + pair.refreshToken() + "\"}"), 503,
				"temporarily_unavailable");
	}

	@Test
	void hostileWhenHeaderIs64KilobytesThenProblem() throws Exception {
		HttpResponse<String> response = get("/", "Bearer " + "a".repeat(64 * 1024));
		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(response.statusCode());
	}

	@Test
	void hostileWhenAlgNoneThenInvalidToken() throws Exception {
		String claims = b64("{\"sub\":\"1237832\",\"exp\":" + (START.getEpochSecond() + 900) + "}");
		for (String alg : List.of("none", "None", "NONE", "nOnE")) {
			String header = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
			assertInvalidToken(get("/", "Bearer " + header + "." + claims + "."), null);
			assertInvalidToken(get("/", "Bearer " + header + "." + claims + ".c2ln"), null);
		}
	}

	@Test
	void hostileWhenSignedWithAnotherSecretThenInvalidToken() throws Exception {
		String token = sign(JWSAlgorithm.HS256, "another-secret-that-is-also-long-enough-0123456789", validClaims());
		assertInvalidToken(get("/", "Bearer " + token), "signature");
	}

	@Test
	void hostileWhenSignedWithHs512AndTheRightSecretThenInvalidToken() throws Exception {
		String token = sign(JWSAlgorithm.HS512, SECRET + SECRET, validClaims());
		assertInvalidToken(get("/", "Bearer " + token), "algorithm");
		String sameSecret = sign(JWSAlgorithm.HS384, SECRET, validClaims());
		assertInvalidToken(get("/", "Bearer " + sameSecret), "algorithm");
	}

	@Test
	void hostileWhenRightSecretButNoExpThenInvalidToken() throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("1237832").issueTime(Date.from(START)).build();
		assertInvalidToken(get("/", "Bearer " + sign(JWSAlgorithm.HS256, SECRET, claims)), "exp");
	}

	@Test
	void hostileWhenNotYetValidThenInvalidToken() throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder(validClaims()).notBeforeTime(Date.from(START.plusSeconds(60)))
			.build();
		assertInvalidToken(get("/", "Bearer " + sign(JWSAlgorithm.HS256, SECRET, claims)), "before");
		JWTClaimsSet withinSkew = new JWTClaimsSet.Builder(validClaims())
			.notBeforeTime(Date.from(START.plusSeconds(30)))
			.build();
		assertThat(get("/", "Bearer " + sign(JWSAlgorithm.HS256, SECRET, withinSkew)).statusCode()).isEqualTo(200);
	}

	@Test
	void hostileWhenIssuedInTheFutureThenInvalidToken() throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder(validClaims()).issueTime(Date.from(START.plusSeconds(31)))
			.build();
		assertInvalidToken(get("/", "Bearer " + sign(JWSAlgorithm.HS256, SECRET, claims)), "iat");
	}

	@Test
	void hostileWhenSubjectMissingOrNumericThenInvalidToken() throws Exception {
		JWTClaimsSet noSub = new JWTClaimsSet.Builder().expirationTime(Date.from(START.plusSeconds(60))).build();
		assertInvalidToken(get("/", "Bearer " + sign(JWSAlgorithm.HS256, SECRET, noSub)), null);
	}

	@Test
	void hostileWhenTokenSpelledNonCanonicallyThenInvalidToken() throws Exception {
		String token = login().accessToken();
		String[] parts = token.split("\\.");
		String padded = parts[0] + "." + parts[1] + "." + parts[2] + "=";
		assertInvalidToken(get("/", "Bearer " + padded), "malformed");
		String standardAlphabet = token.replace('-', '+').replace('_', '/');
		if (!standardAlphabet.equals(token)) {
			assertInvalidToken(get("/", "Bearer " + standardAlphabet), "malformed");
		}
		char last = parts[2].charAt(parts[2].length() - 1);
		String bitsFlipped = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 1)
				+ (char) (last + 1);
		assertInvalidToken(get("/", "Bearer " + bitsFlipped), null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer ", "JWT  x.y.z", "Bearer a b", "Bearer \u00e9t\u00e9.x.y", "Bearer ....",
			"Bearer ===", "Bearer e30.e30.", "Bearer e30.e30", "Bearer a.b.c.d.e" })
	void hostileWhenHeaderMalformedThenInvalidToken(String authorization) throws Exception {
		HttpResponse<String> response = get("/", authorization);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json.readTree(response.body()).get("error").stringValue()).isEqualTo("invalid_token");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/public", "/auth", "/auth/refresh", "/nowhere" })
	void hostileWhenWildcardContentTypeOnAnyPathThenNeverServerError(String path) throws Exception {
		for (String contentType : List.of("*/*", "application/*")) {
			HttpResponse<String> response = post(path, contentType, "{}");
			assertThat(response.statusCode()).as(path + " " + contentType).isBetween(400, 499);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/auth", "/auth/refresh" })
	void hostileWhenMalformedMultipartAtTokenEndpointsThenInvalidRequest(String path) throws Exception {
		for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=x")) {
			assertProblem(post(path, contentType, "--x\r\n\r\n{}"), 400, "invalid_request");
		}
	}

	@Test
	void hostileWhenTwoAuthorizationHeadersThenInvalidRequest() throws Exception {
		String token = login().accessToken();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/"))
			.header("Authorization", "Bearer " + token)
			.header("Authorization", "Bearer " + token)
			.GET());
		assertProblem(response, 400, "invalid_request");
	}

	@Test
	void tokenServiceWhenUsedFromCodeThenTokensWorkOverHttp() throws Exception {
		DemoUser pav = this.users.findById("1237832").orElseThrow();
		TokenPair pair = this.tokenService.issue(pav);
		this.issued.add(pair.accessToken());
		assertThat(this.tokenService.decode(pair.accessToken()).getSubject()).isEqualTo("1237832");
		assertThat(get("/", "Bearer " + pair.accessToken()).statusCode()).isEqualTo(200);
	}

	private TokenPair login() throws IOException, InterruptedException {
		return login("pav", "123");
	}

	private TokenPair login(String username, String password) throws IOException, InterruptedException {
		HttpResponse<String> response = postJson("/auth",
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		TokenPair pair = new TokenPair(body.get("token").stringValue(), Duration.ofSeconds(body.get("expires_in").asLong()),
				body.get("refresh_token").stringValue(), Duration.ofSeconds(body.get("refresh_expires_in").asLong()));
		this.issued.add(pair.accessToken());
		this.issued.add(pair.refreshToken());
		return pair;
	}

	private HttpResponse<String> refresh(String refreshToken) throws IOException, InterruptedException {
		return postJson("/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
	}

	private static String claim(String token, String name) {
		return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get(name).stringValue();
	}

	private static JWTClaimsSet validClaims() {
		return new JWTClaimsSet.Builder().subject("1237832")
			.issueTime(Date.from(START))
			.expirationTime(Date.from(START.plusSeconds(600)))
			.build();
	}

	private static String sign(JWSAlgorithm algorithm, String secret, JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
		jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		return jwt.serialize();
	}

	private static String b64(String value) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	private void assertInvalidToken(HttpResponse<String> response, String descriptionContains) {
		assertProblem(response, 401, "invalid_token");
		String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
		assertThat(challenge).startsWith("Bearer error=\"invalid_token\", error_description=\"");
		if (descriptionContains != null) {
			assertThat(challenge).containsIgnoringCase(descriptionContains);
			assertThat(json.readTree(response.body()).get("detail").stringValue())
				.containsIgnoringCase(descriptionContains);
		}
	}

	private static void assertProblem(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("type").stringValue()).isEqualTo("about:blank");
		assertThat(body.get("title").stringValue()).isNotEmpty();
		assertThat(body.get("detail").stringValue()).isNotEmpty();
		assertThat(body.get("error").stringValue()).isEqualTo(error);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	private HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
		return post(path, "application/json", body);
	}

	private HttpResponse<String> post(String path, String contentType, String body)
			throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		MutableClock clock() {
			return new MutableClock(START);
		}

		@Bean
		@Primary
		SwitchableAuthBackend switchableAuthBackend(DemoAuthBackend demo) {
			return new SwitchableAuthBackend(demo);
		}

	}

}
