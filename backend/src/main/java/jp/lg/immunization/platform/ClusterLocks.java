package jp.lg.immunization.platform;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs that must run once across the cluster (retention, audit verification, query-result deletion, account
 * expiry, KPI roll-up) carry {@code @SchedulerLock}: the node that takes the job's row in {@code shedlock} runs it, the
 * others skip that run. Times come from the database, so nodes with skewed clocks agree. A job holds its lock at least
 * {@code immunization.cluster-lock.at-least} (a node whose trigger fires a little later must not run it again) and at
 * most {@code at-most} (a node killed mid-run releases it by then).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "${immunization.cluster-lock.at-most:PT2H}",
    defaultLockAtLeastFor = "${immunization.cluster-lock.at-least:PT1M}")
class ClusterLocks {

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .usingDbTime()
        .build());
  }
}
