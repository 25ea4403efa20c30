package jp.lg.immunization.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL inside the app when {@code spring.datasource.url} is not set, so that the
 * app runs from one command. Spring closes it after the connection pool and the engine, which is why
 * zonky's own shutdown hook (which would stop it first) is disabled; a start after a crash first stops the
 * PostgreSQL the crashed run left behind (see {@link EmbeddedDatabase}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException {
    return DatabaseRoles.createIn(EmbeddedDatabase.start(properties, ProcessHandle.current()));
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedDatabase database) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(database.jdbcUrl(DatabaseRoles.RUNTIME));
    dataSource.setMaximumPoolSize(20);
    dataSource.setPoolName("embedded-postgres");
    // While the database is down a request waits this long for a connection, then gets 503 (DatabaseUnavailable).
    dataSource.setConnectionTimeout(5_000);
    return dataSource;
  }
}
