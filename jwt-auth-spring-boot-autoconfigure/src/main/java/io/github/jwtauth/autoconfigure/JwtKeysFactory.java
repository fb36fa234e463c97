package io.github.jwtauth.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.github.jwtauth.token.JwtSigningKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StreamUtils;

/**
 * Builds {@link JwtSigningKeys} from {@code jwt.secret}, {@code jwt.keys} and
 * {@code jwt.algorithm}: PEM parsing with the JDK alone (PKCS#8 private keys, X.509 public
 * keys), minimum sizes (RFC 7518 §3.2, §3.3, §3.4), one algorithm family, and ephemeral keys
 * for development. Every refusal names the property and never prints key material.
 */
final class JwtKeysFactory {

	private static final Log logger = LogFactory.getLog(JwtKeysFactory.class);

	private static final String OPENSSL_TO_PKCS8 = "openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem";

	private JwtKeysFactory() {
	}

	static JwtSigningKeys create(JwtAuthProperties properties, ResourceLoader resources) {
		List<JwtAuthProperties.Key> configured = properties.getKeys();
		String secret = properties.getSecret();
		if (secret != null && !configured.isEmpty()) {
			throw new InvalidJwtPropertyException("jwt.keys", "both jwt.secret and jwt.keys are set",
					"Use jwt.secret for HMAC (HS256/384/512) or jwt.keys for RSA, EC or EdDSA keys, not both.");
		}
		if (secret != null) {
			return secret(properties, secret);
		}
		if (configured.isEmpty()) {
			return ephemeral(algorithmOrDefault(properties, JWSAlgorithm.HS256));
		}
		List<JWK> keys = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < configured.size(); i++) {
			JwtAuthProperties.Key key = configured.get(i);
			String property = "jwt.keys[" + i + "]";
			if (key.getId() == null || key.getId().isBlank()) {
				throw new InvalidJwtPropertyException(property + ".id", "every key needs an id (its kid)",
						"Give each key a unique id, such as 2026-12.");
			}
			if (!ids.add(key.getId())) {
				throw new InvalidJwtPropertyException(property + ".id", "the id '" + key.getId() + "' is used twice",
						"Give each key a unique id.");
			}
			keys.add(load(property, key, resources));
		}
		String signingId = (properties.getSigningKeyId() != null) ? properties.getSigningKeyId() : keys.get(0).getKeyID();
		JWK signing = keys.stream().filter((jwk) -> jwk.getKeyID().equals(signingId)).findFirst().orElse(null);
		if (signing == null) {
			throw new InvalidJwtPropertyException("jwt.signing-key-id", "no key in jwt.keys has the id '" + signingId + "'",
					"Set jwt.signing-key-id to the id of one of jwt.keys, or remove it to sign with the first.");
		}
		if (!signing.isPrivate()) {
			throw new InvalidJwtPropertyException("jwt.keys", "the signing key '" + signingId + "' has no private-key",
					"Give the signing key a private-key, or choose another with jwt.signing-key-id.");
		}
		JWSAlgorithm algorithm = algorithmOrDefault(properties, defaultAlgorithm(signing));
		for (int i = 0; i < keys.size(); i++) {
			requireCompatible("jwt.keys[" + i + "]", keys.get(i), algorithm);
		}
		List<JWK> withAlgorithm = keys.stream().map((jwk) -> withAlgorithm(jwk, algorithm)).toList();
		JWK signingWithAlgorithm = withAlgorithm.get(keys.indexOf(signing));
		return new JwtSigningKeys(algorithm, signingWithAlgorithm, withAlgorithm, false);
	}

	private static JwtSigningKeys secret(JwtAuthProperties properties, String secret) {
		JWSAlgorithm algorithm = algorithmOrDefault(properties, JWSAlgorithm.HS256);
		if (!JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
			throw new InvalidJwtPropertyException("jwt.algorithm",
					algorithm + " needs asymmetric keys, but only jwt.secret is set",
					"Configure jwt.keys with a key pair for " + algorithm + ", or choose HS256, HS384 or HS512.");
		}
		int minimum = minimumSecretBytes(algorithm);
		int length = secret.getBytes(StandardCharsets.UTF_8).length;
		if (length < minimum) {
			throw new InvalidJwtPropertyException("jwt.secret",
					"the secret is " + length + " bytes long, but " + algorithm + " needs at least " + minimum
							+ " bytes (" + (minimum * 8) + " bits)",
					"Set 'jwt.secret' to a random value of at least " + minimum + " bytes, for example the output of "
							+ "'openssl rand -base64 " + (minimum * 3 / 2) + "', or remove it during development "
							+ "to use an ephemeral key.");
		}
		OctetSequenceKey key = new OctetSequenceKey.Builder(secret.getBytes(StandardCharsets.UTF_8))
			.algorithm(algorithm)
			.keyUse(KeyUse.SIGNATURE)
			.build();
		return new JwtSigningKeys(algorithm, key, List.of(key), false);
	}

	private static JwtSigningKeys ephemeral(JWSAlgorithm algorithm) {
		logger.warn("No 'jwt.secret' or 'jwt.keys' is set: signing " + algorithm + " tokens with an ephemeral "
				+ "random key. Every token dies with this process and other instances cannot verify it. Set "
				+ "'jwt.secret' (for example to the output of 'openssl rand -base64 48') or 'jwt.keys' before "
				+ "going to production.");
		try {
			JWK key;
			if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
				byte[] bytes = new byte[64];
				new SecureRandom().nextBytes(bytes);
				key = new OctetSequenceKey.Builder(bytes).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
			}
			else if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				key = toJwk("ephemeral", generator.generateKeyPair());
			}
			else {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
				generator.initialize(new ECGenParameterSpec(JWSAlgorithm.ES384.equals(algorithm) ? "secp384r1"
						: "secp256r1"));
				key = toJwk("ephemeral", generator.generateKeyPair());
			}
			key = withAlgorithm(key, algorithm);
			return new JwtSigningKeys(algorithm, key, List.of(key), true);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not generate an ephemeral " + algorithm + " key", ex);
		}
	}

	private static JWSAlgorithm algorithmOrDefault(JwtAuthProperties properties, JWSAlgorithm fallback) {
		JwtAuthProperties.Algorithm configured = properties.getAlgorithm();
		if (configured == null) {
			return fallback;
		}
		return JWSAlgorithm.parse(configured.jwsName());
	}

	private static int minimumSecretBytes(JWSAlgorithm algorithm) {
		return JWSAlgorithm.HS512.equals(algorithm) ? 64 : JWSAlgorithm.HS384.equals(algorithm) ? 48 : 32;
	}

	private static JWSAlgorithm defaultAlgorithm(JWK key) {
		if (key instanceof RSAKey) {
			return JWSAlgorithm.RS256;
		}
		if (key instanceof ECKey ec) {
			return Curve.P_384.equals(ec.getCurve()) ? JWSAlgorithm.ES384 : JWSAlgorithm.ES256;
		}
		// Ed25519 keys parse, but Spring Security 7.0's NimbusJwtEncoder cannot sign with them.
		throw new InvalidJwtPropertyException("jwt.keys", "Ed25519 (EdDSA) keys are not supported yet",
				"Use an EC P-256 key (ES256), the fastest supported asymmetric choice.");
	}

	private static void requireCompatible(String property, JWK key, JWSAlgorithm algorithm) {
		boolean compatible;
		if (key instanceof RSAKey rsa) {
			compatible = JWSAlgorithm.Family.RSA.contains(algorithm);
			if (compatible && rsa.size() < 2048) {
				throw new InvalidJwtPropertyException(property, "the RSA key has " + rsa.size()
						+ " bits, but at least 2048 are required (RFC 7518 §3.3)",
						"Generate a 2048-bit or larger key: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072");
			}
		}
		else if (key instanceof ECKey ec) {
			compatible = (JWSAlgorithm.ES256.equals(algorithm) && Curve.P_256.equals(ec.getCurve()))
					|| (JWSAlgorithm.ES384.equals(algorithm) && Curve.P_384.equals(ec.getCurve()));
		}
		else {
			compatible = false;
		}
		if (!compatible) {
			throw new InvalidJwtPropertyException(property,
					"a " + describe(key) + " key cannot be used with " + algorithm,
					"Use keys of one kind for jwt.algorithm: RSA (2048+ bits) for RS256/PS256, P-256 for ES256, "
							+ "P-384 for ES384.");
		}
	}

	private static String describe(JWK key) {
		if (key instanceof ECKey ec) {
			return "EC " + ec.getCurve();
		}
		if (key instanceof OctetKeyPair okp) {
			return okp.getCurve().toString();
		}
		return key.getKeyType().getValue();
	}

	private static JWK withAlgorithm(JWK key, JWSAlgorithm algorithm) {
		if (key instanceof RSAKey rsa) {
			return new RSAKey.Builder(rsa).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
		}
		if (key instanceof ECKey ec) {
			return new ECKey.Builder(ec).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
		}
		if (key instanceof OctetKeyPair okp) {
			return new OctetKeyPair.Builder(okp).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).build();
		}
		return new OctetSequenceKey.Builder((OctetSequenceKey) key).algorithm(algorithm)
			.keyUse(KeyUse.SIGNATURE)
			.build();
	}

	private static JWK load(String property, JwtAuthProperties.Key key, ResourceLoader resources) {
		PrivateKey privateKey = (key.getPrivateKey() != null)
				? (PrivateKey) parse(property + ".private-key", read(property + ".private-key", key.getPrivateKey(), resources), true)
				: null;
		PublicKey publicKey = (key.getPublicKey() != null)
				? (PublicKey) parse(property + ".public-key", read(property + ".public-key", key.getPublicKey(), resources), false)
				: null;
		if (publicKey == null && privateKey instanceof RSAPrivateCrtKey crt) {
			publicKey = rsaPublic(crt);
		}
		if (publicKey == null) {
			throw new InvalidJwtPropertyException(property + ".public-key",
					(privateKey == null) ? "the key has neither a public-key nor a private-key"
							: "an EC or Ed25519 key needs its public-key next to the private-key",
					"Add the public key in PEM: openssl pkey -in key.pem -pubout -out public.pem");
		}
		if (privateKey != null && !privateKey.getAlgorithm().equals(publicKey.getAlgorithm())
				&& !(isEdDsa(privateKey.getAlgorithm()) && isEdDsa(publicKey.getAlgorithm()))) {
			throw new InvalidJwtPropertyException(property, "the private-key and public-key are of different kinds",
					"Give each key its own matching pair.");
		}
		return toJwk(key.getId(), new KeyPair(publicKey, privateKey));
	}

	private static boolean isEdDsa(String algorithm) {
		return algorithm.equals("EdDSA") || algorithm.equals("Ed25519");
	}

	private static JWK toJwk(String id, KeyPair pair) {
		PublicKey publicKey = pair.getPublic();
		PrivateKey privateKey = pair.getPrivate();
		if (publicKey instanceof RSAPublicKey rsa) {
			RSAKey.Builder builder = new RSAKey.Builder(rsa).keyID(id);
			return (privateKey != null) ? builder.privateKey(privateKey).build() : builder.build();
		}
		if (publicKey instanceof ECPublicKey ec) {
			ECKey.Builder builder = new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).keyID(id);
			return (privateKey != null) ? builder.privateKey(privateKey).build() : builder.build();
		}
		// Ed25519: the raw 32-byte keys end the X.509 and PKCS#8 encodings (RFC 8410).
		byte[] x = tail(publicKey.getEncoded(), 32);
		OctetKeyPair.Builder builder = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).keyID(id);
		if (privateKey != null) {
			builder.d(Base64URL.encode(tail(privateKey.getEncoded(), 32)));
		}
		return builder.build();
	}

	private static byte[] tail(byte[] encoded, int length) {
		return Arrays.copyOfRange(encoded, encoded.length - length, encoded.length);
	}

	private static PublicKey rsaPublic(RSAPrivateCrtKey key) {
		try {
			return KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is required of every Java platform", ex);
		}
	}

	private static String read(String property, String value, ResourceLoader resources) {
		if (value.contains("-----BEGIN")) {
			return value;
		}
		Resource resource = resources.getResource(value.trim());
		try (InputStream input = resource.getInputStream()) {
			return StreamUtils.copyToString(input, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidJwtPropertyException(property, "the key could not be read from '" + value.trim() + "'",
					"Point it at a PEM file (classpath:keys/key.pem, file:/etc/keys/key.pem) or paste the PEM itself.");
		}
	}

	private static Object parse(String property, String pem, boolean isPrivate) {
		String expected = isPrivate ? "PRIVATE KEY" : "PUBLIC KEY";
		if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
			throw new InvalidJwtPropertyException(property, "the key is in a traditional (PKCS#1/SEC1) PEM format",
					"Convert it to PKCS#8: " + OPENSSL_TO_PKCS8);
		}
		if (pem.contains("ENCRYPTED PRIVATE KEY")) {
			throw new InvalidJwtPropertyException(property, "the private key is encrypted",
					"Provide it unencrypted (from a secret store): " + OPENSSL_TO_PKCS8);
		}
		String begin = "-----BEGIN " + expected + "-----";
		String end = "-----END " + expected + "-----";
		int from = pem.indexOf(begin);
		int to = pem.indexOf(end);
		if (from < 0 || to < from) {
			throw new InvalidJwtPropertyException(property, "no '" + begin + "' block was found",
					isPrivate ? "Give a PKCS#8 private key in PEM (" + OPENSSL_TO_PKCS8 + ")"
							: "Give an X.509 public key in PEM (openssl pkey -in key.pem -pubout)");
		}
		byte[] der;
		try {
			der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidJwtPropertyException(property, "the PEM block is not valid base64",
					"Copy the key file again, including its BEGIN and END lines.");
		}
		for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
			try {
				KeyFactory factory = KeyFactory.getInstance(algorithm);
				return isPrivate ? factory.generatePrivate(new PKCS8EncodedKeySpec(der))
						: factory.generatePublic(new X509EncodedKeySpec(der));
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				// try the next kind
			}
		}
		throw new InvalidJwtPropertyException(property, "the key is not an RSA, EC or Ed25519 key",
				"Use an RSA (2048+ bits), EC P-256/P-384 or Ed25519 key.");
	}


}
