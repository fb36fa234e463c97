package io.github.jwtauth.refresh;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token-store contract against {@link JdbcTokenStore} on a real PostgreSQL (embedded,
 * started by the test), with the schema the jar ships for PostgreSQL.
 */
class PostgresJdbcTokenStoreTests extends TokenStoreContractTests {

	private static final AtomicInteger tables = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@Override
	protected TokenStore createStore() {
		JdbcTokenStore store = new JdbcTokenStore(postgres.getPostgresDatabase(),
				"pg_" + tables.incrementAndGet() + "_");
		store.initializeSchema();
		return store;
	}

	@Test
	void initializeSchemaWhenRunTwiceThenIdempotent() {
		JdbcTokenStore store = new JdbcTokenStore(postgres.getPostgresDatabase(), "twice_");
		store.initializeSchema();
		store.initializeSchema();
		Long tablesCreated = JdbcClient.create(postgres.getPostgresDatabase())
			.sql("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'twice_%'")
			.query(Long.class)
			.single();
		assertThat(tablesCreated).isEqualTo(2);
	}

}
