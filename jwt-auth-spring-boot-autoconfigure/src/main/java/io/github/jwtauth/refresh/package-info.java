/**
 * Refresh tokens: opaque random strings, stored only as hashes and rotated on every use.
 */
@NullMarked
package io.github.jwtauth.refresh;

import org.jspecify.annotations.NullMarked;
