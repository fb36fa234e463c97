package io.github.jwtauth.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.jwtauth.token.JwtSigningKeys;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public verification keys as a JWK Set (RFC 7517 §5) at
 * {@code jwt.endpoints.jwks}, so that any service verifies tokens with stock tools (Spring
 * Security's {@code jwk-set-uri}) and no shared secret. Private parts and HMAC secrets are
 * never published; the endpoint exists only with asymmetric keys.
 */
@RestController
public final class JwksEndpoint {

	/** RFC 7517 §8.5.1 media type. */
	static final String JWK_SET_JSON = "application/jwk-set+json";

	private final byte[] body;

	private final String etag;

	public JwksEndpoint(JwtSigningKeys keys) {
		Assert.notNull(keys, "keys cannot be null");
		Assert.isTrue(!keys.isSymmetric(), "an HMAC secret must never be published");
		String json = keys.getPublicKeys().toString(true);
		this.body = json.getBytes(StandardCharsets.UTF_8);
		this.etag = "\"" + Integer.toHexString(json.hashCode()) + "\"";
	}

	/**
	 * The JWK Set. Cacheable for five minutes: a rotated-in key should be listed (as a
	 * verifier) at least that long before it starts signing.
	 * @param response the response
	 * @throws IOException on a write failure
	 */
	@GetMapping("${jwt.endpoints.jwks:/.well-known/jwks.json}")
	public void jwks(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(JWK_SET_JSON);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
		response.setHeader(HttpHeaders.ETAG, this.etag);
		response.setContentLength(this.body.length);
		response.getOutputStream().write(this.body);
	}

}
