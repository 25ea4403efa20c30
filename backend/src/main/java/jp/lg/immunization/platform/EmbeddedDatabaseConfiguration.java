package jp.lg.immunization.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL inside the app when {@code spring.datasource.url} is not set, so that the
 * app runs from one command. Spring closes it after the connection pool and the engine, which is why
 * zonky's own shutdown hook (which would stop it first) is disabled.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
    Files.createDirectories(properties.dataDir());
    String onOff = properties.durable() ? "on" : "off";
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(properties.dataDir())
        .setCleanDataDirectory(properties.clean())
        .setRegisterShutdownHook(false)
        .setPort(properties.port())
        .setLocaleConfig("encoding", "UTF8")
        .setLocaleConfig("locale", "C")
        .setServerConfig("fsync", onOff)
        .setServerConfig("synchronous_commit", onOff)
        .setServerConfig("full_page_writes", onOff)
        .setServerConfig("max_connections", "100")
        .setServerConfig("timezone", "Asia/Tokyo")
        .start();
    log.info("Embedded PostgreSQL started on port {} with data in {} (durable: {})",
        postgres.getPort(), properties.dataDir().toAbsolutePath(), properties.durable());
    return postgres;
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(20);
    dataSource.setPoolName("embedded-postgres");
    return dataSource;
  }
}
