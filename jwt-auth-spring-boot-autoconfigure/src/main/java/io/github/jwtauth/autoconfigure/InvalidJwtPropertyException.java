package io.github.jwtauth.autoconfigure;

/**
 * A {@code jwt.*} property holds a value the starter refuses to start with. The message
 * names the property and the reason but never the value, which may be a secret; the
 * {@link JwtAuthFailureAnalyzer} adds what to do about it.
 */
public class InvalidJwtPropertyException extends RuntimeException {

	private final String property;

	private final String action;

	public InvalidJwtPropertyException(String property, String reason, String action) {
		super("Invalid value for configuration property '" + property + "': " + reason);
		this.property = property;
		this.action = action;
	}

	/**
	 * Return the name of the property.
	 * @return the property, such as {@code jwt.secret}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return what the user should do.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
