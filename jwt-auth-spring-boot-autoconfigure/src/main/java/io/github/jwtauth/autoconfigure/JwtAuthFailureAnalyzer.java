package io.github.jwtauth.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup failure caused by a bad {@code jwt.*} property: which property, why,
 * and what to do. Secrets never appear in the report.
 */
final class JwtAuthFailureAnalyzer extends AbstractFailureAnalyzer<InvalidJwtPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidJwtPropertyException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
