package io.github.jwtauth.token;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.Assert;

/**
 * The HMAC key that signs and verifies access tokens: the configured {@code jwt.secret}, or
 * an ephemeral random key for development. One instance feeds both the encoder and the
 * decoder, so that an ephemeral key is the same for both.
 */
public final class JwtSigningSecret {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKey key;

	private final boolean ephemeral;

	private JwtSigningSecret(SecretKey key, boolean ephemeral) {
		this.key = key;
		this.ephemeral = ephemeral;
	}

	/**
	 * Use a configured secret.
	 * @param secret the secret, whose UTF-8 bytes are the key
	 * @return the signing secret
	 */
	public static JwtSigningSecret of(String secret) {
		Assert.hasText(secret, "secret cannot be empty");
		return new JwtSigningSecret(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM), false);
	}

	/**
	 * Generate a random 512-bit key that lives as long as this process.
	 * @return the signing secret
	 */
	public static JwtSigningSecret ephemeral() {
		byte[] bytes = new byte[64];
		new SecureRandom().nextBytes(bytes);
		return new JwtSigningSecret(new SecretKeySpec(bytes, ALGORITHM), true);
	}

	/**
	 * Return the key.
	 * @return the key
	 */
	public SecretKey getKey() {
		return this.key;
	}

	/**
	 * Whether the key was generated at startup rather than configured.
	 * @return {@code true} for an ephemeral key
	 */
	public boolean isEphemeral() {
		return this.ephemeral;
	}

	@Override
	public String toString() {
		return "JwtSigningSecret[" + (this.ephemeral ? "ephemeral" : "configured") + "]";
	}

}
