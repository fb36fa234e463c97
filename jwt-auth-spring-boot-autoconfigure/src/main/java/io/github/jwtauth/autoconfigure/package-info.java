/**
 * Auto-configuration of jwt-auth-spring-boot: {@code jwt.*} properties, token
 * infrastructure and the servlet web security that uses it.
 */
@NullMarked
package io.github.jwtauth.autoconfigure;

import org.jspecify.annotations.NullMarked;
