package io.github.jwtauth.refresh;

import java.time.Instant;

/**
 * The key space that every {@link TokenStore} implementation shares for revocations, so
 * that one lookup of three keys answers {@link TokenStore#isRevoked}.
 */
final class RevocationKeys {

	private RevocationKeys() {
	}

	static String token(String tokenId) {
		return "jti:" + tokenId;
	}

	static String family(String familyId) {
		return "sid:" + familyId;
	}

	static String subject(String subject) {
		return "sub:" + subject;
	}

	/**
	 * Whether something issued at {@code issuedAt} falls under a "not before" mark. Access
	 * tokens carry whole seconds, so a token issued in the mark's second is revoked too:
	 * better a fresh login refused for a second than an old token surviving.
	 */
	static boolean isIssuedBy(Instant issuedAt, Instant notBefore) {
		return issuedAt.getEpochSecond() <= notBefore.getEpochSecond();
	}

}
