package io.github.jwtauth.token;

import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;

import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.util.Assert;

/**
 * The keys of the starter: one algorithm, one key that signs, and every key that verifies
 * (chosen by {@code kid}), so that a key can be rotated without logging anyone out. One
 * instance feeds the encoder, the decoder and the JWKS endpoint.
 */
public final class JwtSigningKeys {

	private final JWSAlgorithm algorithm;

	private final JWK signingKey;

	private final JWKSet keys;

	private final boolean ephemeral;

	/**
	 * Create the key set.
	 * @param algorithm the one algorithm tokens are signed and verified with
	 * @param signingKey the key that signs; it must be one of {@code keys}
	 * @param keys every key that verifies
	 * @param ephemeral whether the keys were generated at startup
	 */
	public JwtSigningKeys(JWSAlgorithm algorithm, JWK signingKey, List<JWK> keys, boolean ephemeral) {
		Assert.notNull(algorithm, "algorithm cannot be null");
		Assert.notNull(signingKey, "signingKey cannot be null");
		Assert.notEmpty(keys, "keys cannot be empty");
		Assert.isTrue(keys.contains(signingKey), "signingKey must be one of keys");
		this.algorithm = algorithm;
		this.signingKey = signingKey;
		this.keys = new JWKSet(keys);
		this.ephemeral = ephemeral;
	}

	/**
	 * Return the algorithm.
	 * @return the algorithm
	 */
	public JWSAlgorithm getAlgorithm() {
		return this.algorithm;
	}

	/**
	 * Return the algorithm as Spring Security names it, for JWS headers.
	 * @return the algorithm
	 */
	public JwsAlgorithm getJwsAlgorithm() {
		String name = this.algorithm.getName();
		MacAlgorithm mac = MacAlgorithm.from(name);
		if (mac != null) {
			return mac;
		}
		SignatureAlgorithm signature = SignatureAlgorithm.from(name);
		return (signature != null) ? signature : () -> name;
	}

	/**
	 * Return the key that signs.
	 * @return the signing key, with its private part
	 */
	public JWK getSigningKey() {
		return this.signingKey;
	}

	/**
	 * Return every key that verifies.
	 * @return the keys, with private parts
	 */
	public JWKSet getKeys() {
		return this.keys;
	}

	/**
	 * Return the public keys, for the JWKS endpoint; empty for HMAC, whose keys are secret.
	 * @return the public key set
	 */
	public JWKSet getPublicKeys() {
		return isSymmetric() ? new JWKSet() : this.keys.toPublicJWKSet();
	}

	/**
	 * Whether tokens are signed with a shared secret (HMAC).
	 * @return {@code true} for HS256, HS384 and HS512
	 */
	public boolean isSymmetric() {
		return KeyType.OCT.equals(this.signingKey.getKeyType());
	}

	/**
	 * Whether the keys were generated at startup rather than configured.
	 * @return {@code true} for ephemeral keys
	 */
	public boolean isEphemeral() {
		return this.ephemeral;
	}

	@Override
	public String toString() {
		return "JwtSigningKeys[" + this.algorithm + ", " + this.keys.size() + " key(s), "
				+ (this.ephemeral ? "ephemeral" : "configured") + "]";
	}

}
