package io.github.jwtauth.token;

/**
 * Adds claims to every access token at issue time; declare one or more as beans, applied in
 * {@code @Order}. The registered claims ({@code sub}, {@code iat}, {@code exp}, {@code jti},
 * {@code sid}, {@code iss}, {@code aud}, {@code nbf}) are set after the customizers run, so a
 * customizer cannot forge them.
 *
 * @param <U> the user type of the {@link io.github.jwtauth.AuthBackend}
 */
@FunctionalInterface
public interface JwtClaimsCustomizer<U> {

	/**
	 * Add claims for a user.
	 * @param user the user the token is for
	 * @param claims the claims being built
	 */
	void customize(U user, org.springframework.security.oauth2.jwt.JwtClaimsSet.Builder claims);

}
