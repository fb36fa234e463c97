package io.github.jwtauth.demo;

import java.util.Map;

/**
 * The seed's user record, without its password: what handlers receive as principal.
 *
 * @param id the numeric id, as in the seed
 * @param username the login name
 * @param data free-form profile data
 */
public record DemoUser(long id, String username, Map<String, Object> data) {

}
