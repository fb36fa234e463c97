/**
 * The bottle-jwt example application on jwt-auth-spring-boot.
 */
@NullMarked
package io.github.jwtauth.demo;

import org.jspecify.annotations.NullMarked;
