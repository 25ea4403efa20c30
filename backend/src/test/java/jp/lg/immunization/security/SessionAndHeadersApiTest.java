package jp.lg.immunization.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.platform.DatabaseAdministrator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Sessions end at their absolute timeout however active they are; personal data is never cached. */
@IntegrationTest
class SessionAndHeadersApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired DatabaseAdministrator administrator;

  @Test
  void aSessionEndsTenHoursAfterLoginEvenWhenItWasUsedAMinuteAgo() throws Exception {
    Cookie session = users.signIn("staff3", "demo-pass-2026");
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());

    // The clock moves on: the session was created ten hours and a minute ago, and last used just now.
    jdbc.update("""
        update spring_session set creation_time = creation_time - (10 * 3600 + 60) * 1000
        where principal_name = 'staff3'""");
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
  }

  @Test
  void aSessionsLastAccessIsWrittenOnceAMinuteAndAnIdleSessionStillEndsAfterThirtyMinutes() throws Exception {
    String username = users.newStaffAccount("idle", "idle-pass-2026");
    Cookie session = users.signIn(username, "idle-pass-2026");
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());
    long written = lastAccess(username);

    // A request within the minute reads the session and leaves its row as it was: no write, no commit to flush.
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());
    assertThat(lastAccess(username)).isEqualTo(written);

    // Once the last write is a minute old, the next request writes the access again, and the expiry with it.
    jdbc.update("""
        update spring_session set last_access_time = last_access_time - 61 * 1000, expiry_time = expiry_time - 61 * 1000
        where principal_name = ?""", username);
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());
    assertThat(lastAccess(username)).isGreaterThanOrEqualTo(written);
    assertThat(jdbc.queryForObject("""
        select expiry_time - last_access_time from spring_session where principal_name = ?""", Long.class, username))
        .isEqualTo(30 * 60 * 1000L);

    // Idle for 30 minutes (as last written): the session has ended.
    jdbc.update("""
        update spring_session set last_access_time = last_access_time - 30 * 60 * 1000 - 1,
                                  expiry_time = expiry_time - 30 * 60 * 1000 - 1
        where principal_name = ?""", username);
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
  }

  @Test
  void aRequestThatChangesNothingReadsItsSessionOnceAndWritesNothing() throws Exception {
    String username = users.newStaffAccount("quiet", "quiet-pass-2026");
    Cookie session = users.signIn(username, "quiet-pass-2026");
    mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());
    JdbcTemplate superuser = administrator.superuser();
    superuser.execute("create extension if not exists pg_stat_statements");
    superuser.query("select pg_stat_statements_reset()", rs -> null);

    for (int request = 0; request < 5; request++) {
      mvc.perform(get("/api/me").cookie(session)).andExpect(status().isOk());
    }
    assertThat(sessionStatements(superuser, "select")).isEqualTo(5);
    assertThat(sessionStatements(superuser, "update") + sessionStatements(superuser, "insert")
        + sessionStatements(superuser, "delete")).isZero();
    // The read is one statement on its own: no transaction begun around it (nor its COMMIT's round trip).
    assertThat(superuser.queryForObject("""
        select coalesce(sum(calls), 0) from pg_stat_statements
        where userid <> (select oid from pg_roles where rolname = current_user) and query ilike 'begin%'""",
        Long.class)).isZero();
  }

  @Test
  void R08_theSessionKeepsTheSignedInUserWithoutTheirPasswordHash() throws Exception {
    String username = users.newStaffAccount("hashless", "hashless-pass-2026");
    users.signIn(username, "hashless-pass-2026");
    String hash = administrator.superuser().queryForObject("select password_hash from app_user where username = ?",
        String.class, username);

    // The stored login is there, and no attribute of the session holds the hash's characters.
    assertThat(administrator.superuser().queryForObject("""
        select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
        where s.principal_name = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'""", Long.class, username))
        .isEqualTo(1);
    assertThat(administrator.superuser().queryForObject("""
        select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
        where s.principal_name = ? and position(convert_to(?, 'UTF8') in a.attribute_bytes) > 0""",
        Long.class, username, hash)).isZero();
  }

  /** Statements of the app's role on the session tables that begin with {@code verb}, since the last reset. */
  private static long sessionStatements(JdbcTemplate superuser, String verb) {
    return superuser.queryForObject("""
        select coalesce(sum(calls), 0) from pg_stat_statements
        where userid <> (select oid from pg_roles where rolname = current_user)
          and query ilike ? and query ilike '%spring_session%'""", Long.class, verb + " %");
  }

  private long lastAccess(String username) {
    return jdbc.queryForObject("select last_access_time from spring_session where principal_name = ?", Long.class,
        username);
  }

  @Test
  void answersWithPersonalDataAreNeverCachedAndCarryTheSecurityHeaders() throws Exception {
    long resident = jdbc.queryForObject("select min(id) from resident", Long.class);
    mvc.perform(get("/api/residents/" + resident + "/case").with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
  }
}
