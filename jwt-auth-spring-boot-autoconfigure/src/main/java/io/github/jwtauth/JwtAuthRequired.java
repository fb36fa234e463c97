package io.github.jwtauth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller class or a handler method as requiring a valid access token, the
 * counterpart of bottle-jwt's {@code @jwt_auth_required}.
 * <p>
 * Requests without a token get {@code 401} with {@code WWW-Authenticate: Bearer}; requests
 * with an invalid one get {@code 401 invalid_token} (RFC 6750 §3.1). Handlers without the
 * annotation stay open unless {@code jwt.scope=all}.
 * <p>
 * Spring Security's own {@code @PreAuthorize} works alongside it where method security is
 * enabled.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JwtAuthRequired {

	/**
	 * Roles of which the user needs at least one, without the {@code ROLE_} prefix; empty
	 * (the default) admits any authenticated user. An authenticated user without any of
	 * them gets {@code 403 insufficient_scope}. On a method it replaces its class's roles.
	 * @return the roles
	 */
	String[] roles() default {};

}
