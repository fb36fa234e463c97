/**
 * Public API of jwt-auth-spring-boot: the {@link io.github.jwtauth.AuthBackend} SPI an
 * application implements and the {@link io.github.jwtauth.JwtAuthRequired} annotation that
 * protects its handlers.
 */
@NullMarked
package io.github.jwtauth;

import org.jspecify.annotations.NullMarked;
