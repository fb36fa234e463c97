/**
 * The token lifecycle: refresh-token families rotated with reuse detection (RFC 9700
 * §4.14), revocation of access tokens, families and users, and the {@link
 * io.github.jwtauth.refresh.TokenStore} SPI with in-memory, JDBC and Redis implementations.
 */
@NullMarked
package io.github.jwtauth.refresh;

import org.jspecify.annotations.NullMarked;
