package io.github.jwtauth.refresh;

import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The token-store contract against {@link JdbcTokenStore} on H2, with the schema the jar
 * ships for H2.
 */
class H2JdbcTokenStoreTests extends TokenStoreContractTests {

	private static final AtomicInteger tables = new AtomicInteger();

	@Override
	protected TokenStore createStore() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:tokens;DB_CLOSE_DELAY=-1");
		JdbcTokenStore store = new JdbcTokenStore(dataSource, "h2_" + tables.incrementAndGet() + "_");
		store.initializeSchema();
		return store;
	}

}
