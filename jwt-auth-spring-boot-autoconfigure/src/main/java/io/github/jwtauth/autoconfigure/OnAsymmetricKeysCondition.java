package io.github.jwtauth.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when tokens are signed with asymmetric keys ({@code jwt.keys}, or an RS, PS, ES
 * or EdDSA {@code jwt.algorithm}), the only case with public keys to publish.
 */
class OnAsymmetricKeysCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		JwtAuthProperties properties = Binder.get(context.getEnvironment())
			.bindOrCreate("jwt", JwtAuthProperties.class);
		boolean asymmetric = !properties.getKeys().isEmpty() || (properties.getAlgorithm() != null
				&& !properties.getAlgorithm().name().startsWith("HS"));
		return asymmetric ? ConditionOutcome.match("asymmetric jwt keys")
				: ConditionOutcome.noMatch("tokens are signed with an HMAC secret, which is never published");
	}

}
