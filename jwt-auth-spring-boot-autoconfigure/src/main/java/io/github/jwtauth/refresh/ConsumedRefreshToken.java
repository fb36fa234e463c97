package io.github.jwtauth.refresh;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The outcome of {@link TokenStore#consumeRefreshToken}: the stored token and, if it had
 * already been consumed before this call, when.
 *
 * @param token the stored token
 * @param previouslyConsumedAt {@code null} if this call consumed it; otherwise when an
 * earlier call did, which is a replay
 */
public record ConsumedRefreshToken(RefreshTokenRecord token, @Nullable Instant previouslyConsumedAt) {

	public ConsumedRefreshToken {
		Assert.notNull(token, "token cannot be null");
	}

	/**
	 * Whether this call was the first to consume the token.
	 * @return {@code true} for a first use
	 */
	public boolean isFirstUse() {
		return this.previouslyConsumedAt == null;
	}

}
