/**
 * Servlet web support: the login and refresh endpoints, the bearer-token resolver, the
 * RFC 6750 / RFC 9457 error responses and the {@code HttpSecurity} configurer.
 */
@NullMarked
package io.github.jwtauth.web;

import org.jspecify.annotations.NullMarked;
