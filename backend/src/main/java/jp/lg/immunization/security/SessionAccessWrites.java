package jp.lg.immunization.security;

import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Session writes every session's last access time back on every request: an UPDATE and a commit, with its
 * fsync, under each API call, even one that only reads. This update writes the row only when something else changed
 * (the id after login, the principal, the timeout) or when the last access advanced by {@link #SLACK_MILLIS}: an idle
 * session then expires at most that much before its 30 minutes are up, and a request that writes nothing commits no
 * WAL. The repository ignores the update count, so a row left as it was is fine.
 */
@Component
class SessionAccessWrites implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

  static final long SLACK_MILLIS = 60_000;

  /**
   * The repository binds its six parameters in this order (id, last access, timeout, expiry, principal, primary id);
   * the derived table names them once, so that the condition can compare them with the row.
   */
  private static final String UPDATE_WHEN_ADVANCED = """
      UPDATE %TABLE_NAME% AS s
      SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
          MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time, PRINCIPAL_NAME = v.principal_name
      FROM (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access_time,
                   CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
                   CAST(? AS VARCHAR(100)) AS principal_name, CAST(? AS CHAR(36)) AS primary_id) AS v
      WHERE s.PRIMARY_ID = v.primary_id
        AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
             OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
             OR v.last_access_time - s.LAST_ACCESS_TIME >= """ + SLACK_MILLIS + ")";

  @Override
  public void customize(JdbcIndexedSessionRepository repository) {
    repository.setUpdateSessionQuery(UPDATE_WHEN_ADVANCED);
  }
}
