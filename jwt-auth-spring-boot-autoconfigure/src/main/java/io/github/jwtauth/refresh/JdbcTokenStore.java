package io.github.jwtauth.refresh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;
import org.springframework.util.StreamUtils;

/**
 * A {@link TokenStore} in any SQL database that Spring's {@link JdbcClient} serves, shared by
 * every instance that uses the same database. Schemas for PostgreSQL and H2 ship in the jar
 * ({@code io/github/jwtauth/refresh/schema-*.sql}).
 * <p>
 * Consumption is one conditional {@code UPDATE ... WHERE consumed_at IS NULL}: the database
 * decides which of two concurrent refreshes wins, with no read-then-write race.
 */
public final class JdbcTokenStore implements TokenStore {

	private static final Pattern TABLE_PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,40}");

	private static final long PRESENT = Long.MAX_VALUE;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final String prefix;

	private final String insertRefreshToken;

	private final String consume;

	private final String selectRefreshToken;

	private final String updateRevocation;

	private final String insertRevocation;

	private final String selectRevocations;

	private final String deleteRefreshTokens;

	private final String deleteRevocations;

	public JdbcTokenStore(DataSource dataSource, String tablePrefix) {
		Assert.notNull(dataSource, "dataSource cannot be null");
		Assert.isTrue(tablePrefix != null && TABLE_PREFIX.matcher(tablePrefix).matches(),
				"tablePrefix must be letters, digits and underscores");
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.prefix = tablePrefix;
		String tokens = tablePrefix + "refresh_token";
		String revocations = tablePrefix + "revocation";
		this.insertRefreshToken = "INSERT INTO " + tokens
				+ " (token_hash, family_id, subject, family_issued_at, expires_at) VALUES (?, ?, ?, ?, ?)";
		this.consume = "UPDATE " + tokens + " SET consumed_at = ? WHERE token_hash = ? AND consumed_at IS NULL";
		this.selectRefreshToken = "SELECT family_id, subject, family_issued_at, expires_at, consumed_at FROM " + tokens
				+ " WHERE token_hash = ?";
		this.updateRevocation = "UPDATE " + revocations
				+ " SET not_before = CASE WHEN not_before < ? THEN ? ELSE not_before END,"
				+ " expires_at = CASE WHEN expires_at < ? THEN ? ELSE expires_at END WHERE revocation_key = ?";
		this.insertRevocation = "INSERT INTO " + revocations
				+ " (revocation_key, not_before, expires_at) VALUES (?, ?, ?)";
		this.selectRevocations = "SELECT revocation_key, not_before FROM " + revocations
				+ " WHERE revocation_key IN (?, ?, ?)";
		this.deleteRefreshTokens = "DELETE FROM " + tokens + " WHERE expires_at <= ?";
		this.deleteRevocations = "DELETE FROM " + revocations + " WHERE expires_at <= ?";
	}

	/**
	 * Create the tables if they do not exist, from the schema shipped for the database.
	 * @throws IllegalStateException if no schema ships for this database
	 */
	public void initializeSchema() {
		try {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
				String platform = product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : null;
				if (platform == null) {
					throw new IllegalStateException("No token-store schema ships for " + product
							+ "; create the tables of schema-postgresql.sql by hand and leave "
							+ "jwt.store.jdbc.initialize-schema off");
				}
				ClassPathResource script = new ClassPathResource("schema-" + platform + ".sql", JdbcTokenStore.class);
				String sql = StreamUtils.copyToString(script.getInputStream(), StandardCharsets.UTF_8)
					.replace("${prefix}", this.prefix);
				ScriptUtils.executeSqlScript(connection, new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8)));
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		}
		catch (SQLException | IOException ex) {
			throw new TokenStoreUnavailableException("Could not create the token store tables", ex);
		}
	}

	@Override
	public void saveRefreshToken(String tokenHash, RefreshTokenRecord token) {
		try {
			this.jdbc.sql(this.insertRefreshToken)
				.params(tokenHash, token.familyId(), token.subject(), token.familyIssuedAt().toEpochMilli(),
						token.expiresAt().toEpochMilli())
				.update();
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public @Nullable RefreshTokenRecord findRefreshToken(String tokenHash) {
		ConsumedRefreshToken found = read(tokenHash, false);
		return (found != null) ? found.token() : null;
	}

	@Override
	public @Nullable ConsumedRefreshToken consumeRefreshToken(String tokenHash, Instant now) {
		try {
			boolean first = this.jdbc.sql(this.consume).params(now.toEpochMilli(), tokenHash).update() == 1;
			// The stored fields never change after insert, so reading them afterwards is safe.
			return read(tokenHash, first);
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	private @Nullable ConsumedRefreshToken read(String tokenHash, boolean first) {
		try {
			List<ConsumedRefreshToken> rows = this.jdbc.sql(this.selectRefreshToken)
				.param(tokenHash)
				.query((rs, row) -> {
					long consumedAt = rs.getLong("consumed_at");
					RefreshTokenRecord token = new RefreshTokenRecord(rs.getString("family_id"),
							rs.getString("subject"), Instant.ofEpochMilli(rs.getLong("family_issued_at")),
							Instant.ofEpochMilli(rs.getLong("expires_at")));
					return new ConsumedRefreshToken(token, first ? null : Instant.ofEpochMilli(consumedAt));
				})
				.list();
			return rows.isEmpty() ? null : rows.get(0);
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public void revokeFamily(String familyId, Instant until) {
		revoke(RevocationKeys.family(familyId), PRESENT, until);
	}

	@Override
	public void revokeAccessToken(String tokenId, Instant until) {
		revoke(RevocationKeys.token(tokenId), PRESENT, until);
	}

	@Override
	public void revokeSubject(String subject, Instant notBefore, Instant until) {
		revoke(RevocationKeys.subject(subject), notBefore.toEpochMilli(), until);
	}

	@Override
	public boolean isRevoked(@Nullable String tokenId, @Nullable String familyId, String subject, Instant issuedAt) {
		String subjectKey = RevocationKeys.subject(subject);
		try {
			List<Boolean> hits = this.jdbc.sql(this.selectRevocations)
				.params((tokenId != null) ? RevocationKeys.token(tokenId) : subjectKey,
						(familyId != null) ? RevocationKeys.family(familyId) : subjectKey, subjectKey)
				.query((rs, row) -> {
					long notBefore = rs.getLong("not_before");
					return !subjectKey.equals(rs.getString("revocation_key"))
							|| RevocationKeys.isIssuedBy(issuedAt, Instant.ofEpochMilli(notBefore));
				})
				.list();
			return hits.contains(Boolean.TRUE);
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public int removeExpired(Instant now) {
		try {
			return this.jdbc.sql(this.deleteRefreshTokens).param(now.toEpochMilli()).update()
					+ this.jdbc.sql(this.deleteRevocations).param(now.toEpochMilli()).update();
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	private void revoke(String key, long notBefore, Instant until) {
		long expiresAt = until.toEpochMilli();
		try {
			for (int attempt = 0; attempt < 2; attempt++) {
				if (this.jdbc.sql(this.updateRevocation)
					.params(notBefore, notBefore, expiresAt, expiresAt, key)
					.update() == 1) {
					return;
				}
				try {
					this.jdbc.sql(this.insertRevocation).params(key, notBefore, expiresAt).update();
					return;
				}
				catch (DuplicateKeyException ex) {
					// Another instance inserted it first: update that row instead.
				}
			}
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	private static TokenStoreUnavailableException unavailable(DataAccessException ex) {
		return new TokenStoreUnavailableException("The JDBC token store is unavailable", ex);
	}

}
