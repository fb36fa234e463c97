/**
 * Issuing and reading tokens: the {@link io.github.jwtauth.token.JwtTokenService} that
 * applications inject, and the strict decoder that checks every access token.
 */
@NullMarked
package io.github.jwtauth.token;

import org.jspecify.annotations.NullMarked;
