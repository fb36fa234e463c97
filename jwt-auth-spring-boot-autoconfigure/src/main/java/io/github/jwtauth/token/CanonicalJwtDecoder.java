package io.github.jwtauth.token;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.Assert;

/**
 * A {@link JwtDecoder} that accepts a compact JWS only in its one canonical spelling:
 * three non-empty parts of unpadded base64url (RFC 7515 §2, §7.1) whose unused trailing
 * bits are zero, so that one token has exactly one string form.
 * <p>
 * Lenient base64 decoders accept padding, the standard alphabet and non-zero trailing
 * bits, which turns one signed token into many accepted strings and defeats any
 * revocation list or cache keyed by the token string.
 */
public final class CanonicalJwtDecoder implements JwtDecoder {

	private final JwtDecoder delegate;

	public CanonicalJwtDecoder(JwtDecoder delegate) {
		Assert.notNull(delegate, "delegate cannot be null");
		this.delegate = delegate;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		if (!isCanonical(token)) {
			throw new BadJwtException("Malformed token: expected three parts of unpadded base64url");
		}
		try {
			return this.delegate.decode(token);
		}
		catch (BadJwtException ex) {
			throw ex;
		}
		catch (JwtException ex) {
			// Keys are local, so a failure to verify is the token's fault, never an outage:
			// keep it a 401 rather than letting it surface as an authentication service error.
			throw new BadJwtException("The token could not be verified", ex);
		}
	}

	/**
	 * Whether a string is a compact JWS in canonical spelling.
	 * @param token the token
	 * @return {@code true} if it has three canonical base64url parts
	 */
	static boolean isCanonical(String token) {
		int start = 0;
		int parts = 0;
		int length = token.length();
		for (int i = 0; i <= length; i++) {
			if (i == length || token.charAt(i) == '.') {
				if (!isCanonicalPart(token, start, i)) {
					return false;
				}
				parts++;
				start = i + 1;
			}
		}
		return parts == 3;
	}

	private static boolean isCanonicalPart(String token, int start, int end) {
		int length = end - start;
		if (length == 0 || length % 4 == 1) {
			return false;
		}
		int last = 0;
		for (int i = start; i < end; i++) {
			last = valueOf(token.charAt(i));
			if (last < 0) {
				return false;
			}
		}
		// Two trailing chars carry 4 unused bits, three carry 2 (RFC 4648 §3.5).
		return switch (length % 4) {
			case 2 -> (last & 0x0F) == 0;
			case 3 -> (last & 0x03) == 0;
			default -> true;
		};
	}

	private static int valueOf(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a' + 26;
		}
		if (c >= '0' && c <= '9') {
			return c - '0' + 52;
		}
		if (c == '-') {
			return 62;
		}
		if (c == '_') {
			return 63;
		}
		return -1;
	}

}
