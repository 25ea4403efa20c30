package jp.lg.immunization.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R11: accesses on closed days and outside office hours (08:30-17:15 Japan time), login failures, lockouts and users
 * over the daily view threshold (100), each listed exactly when it should be. Events are written between 2025-12-29
 * and 2026-11-25, before any other test's.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbnormalAccessReportTest {

  static final LocalDate FROM = LocalDate.of(2025, 12, 29);
  static final LocalDate TO = LocalDate.of(2026, 11, 25);

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditChain chain;
  @Autowired TransactionTemplate transactions;
  @Autowired ObjectMapper json;
  @Autowired AbnormalAccessReport report;

  String worker;
  String guesser;
  String heavy;
  String justUnder;
  String acrossMidnight;

  @BeforeAll
  void constructedAccesses() {
    PastEvents past = new PastEvents(jdbc, transactions, chain);
    worker = PastEvents.user("r11-worker");
    guesser = PastEvents.user("r11-guesser");
    heavy = PastEvents.user("r11-heavy");
    justUnder = PastEvents.user("r11-under");
    acrossMidnight = PastEvents.user("r11-midnight");
    // Friday 2026-11-20: before opening, at opening, just before closing, at closing.
    past.at("2026-11-20T07:59", worker, AuditOperation.RESIDENT_VIEW, 1L);
    past.at("2026-11-20T08:30", worker, AuditOperation.RESIDENT_VIEW, 1L);
    past.at("2026-11-20T17:14:59", worker, AuditOperation.RESIDENT_VIEW, 1L);
    past.at("2026-11-20T17:15", worker, AuditOperation.RESIDENT_VIEW, 1L);
    past.at("2026-11-21T10:00", worker, AuditOperation.RESIDENT_VIEW, 2L);
    past.at("2026-11-23T10:00", worker, AuditOperation.DOSE_REGISTER, 2L);
    past.at("2025-12-30T10:00", worker, AuditOperation.RESIDENT_VIEW, 3L);
    // Five failures in a row lock the account; in office hours, so they are not also accesses outside them.
    past.times(5, "2026-11-20T10:00", guesser, AuditOperation.LOGIN_FAILED, null);
    past.at("2026-11-20T10:00", guesser, AuditOperation.ACCOUNT_LOCKED, null);
    // Tuesday 2026-11-24: 101 views (listed) and 100 views (not listed).
    past.times(60, "2026-11-24T09:00", heavy, AuditOperation.RESIDENT_VIEW, 4L);
    past.times(41, "2026-11-24T16:00", heavy, AuditOperation.RESIDENT_VIEW, 5L);
    past.times(100, "2026-11-24T09:30", justUnder, AuditOperation.RESIDENT_VIEW, 4L);
    // 101 views on one UTC day (Nov 24), but split over two days in Japan: 50 on the 24th, 51 on the 25th.
    past.times(50, "2026-11-24T23:50", acrossMidnight, AuditOperation.RESIDENT_VIEW, 6L);
    past.times(51, "2026-11-25T08:40", acrossMidnight, AuditOperation.RESIDENT_VIEW, 6L);
  }

  @Test
  void R11_accessesOnClosedDaysAndOutsideOfficeHoursAreListedWithTheirReason() {
    AbnormalAccessReport.Report found = report.build(FROM, TO, 100_000);

    assertThat(found.outsideOfficeHours().rows()).filteredOn(a -> a.username().equals(worker))
        .extracting(AbnormalAccessReport.Access::occurredAt, AbnormalAccessReport.Access::reason)
        .containsExactly(
            tuple(at("2025-12-30T10:00"), "年末年始"),
            tuple(at("2026-11-20T07:59"), "始業前"),
            tuple(at("2026-11-20T17:15"), "終業後"),
            tuple(at("2026-11-21T10:00"), "土曜日"),
            tuple(at("2026-11-23T10:00"), "勤労感謝の日"));
    assertThat(found.outsideOfficeHours().rows()).filteredOn(a -> a.username().equals(acrossMidnight))
        .hasSize(50).allMatch(a -> a.reason().equals("終業後"));
    assertThat(found.outsideOfficeHours().rows()).noneMatch(a -> a.username().equals(guesser)
        || a.username().equals(heavy) || a.username().equals(justUnder) || a.username().equals("system"));
  }

  @Test
  void R11_loginFailuresAndLockoutsAreListed() {
    AbnormalAccessReport.Report found = report.build(FROM, TO, 100_000);

    assertThat(found.loginFailures().rows()).filteredOn(a -> a.username().equals(guesser)).hasSize(5)
        .allMatch(a -> a.occurredAt().equals(at("2026-11-20T10:00")) && a.reason() == null);
    assertThat(found.lockouts().rows()).filteredOn(a -> a.username().equals(guesser)).hasSize(1);
    assertThat(found.lockouts().rows()).noneMatch(a -> a.username().equals(worker));
  }

  @Test
  void R11_usersOverTheDailyThresholdInJapanTimeAreListed() {
    AbnormalAccessReport.Report found = report.build(FROM, TO, 100_000);

    assertThat(found.dailyViewThreshold()).isEqualTo(100);
    assertThat(found.heavyViewers().rows())
        .filteredOn(v -> List.of(heavy, justUnder, acrossMidnight).contains(v.username()))
        .containsExactly(new AbnormalAccessReport.HeavyViewer(LocalDate.of(2026, 11, 24), heavy, 101, 2));
  }

  @Test
  void R11_theReportAnswersAuditorsAndIsAuditedAsIsItsCsv() throws Exception {
    call("/api/audit/abnormal-access", Map.of("from", "2026-11-20", "to", "2026-11-21"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.opensAt").value("08:30:00"))
        .andExpect(jsonPath("$.outsideOfficeHours.count").isNumber())
        .andExpect(jsonPath("$.loginFailures.rows[?(@.username == '" + guesser + "')]").isNotEmpty());
    assertThat(lastAudited("ABNORMAL_ACCESS_REPORT")).startsWith("from=2026-11-20 to=2026-11-21 outsideOfficeHours=");

    String csv = call("/api/audit/abnormal-access/export", Map.of("from", "2026-11-20", "to", "2026-11-24",
        "encoding", "UTF8_BOM")).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).contains("\"時間外・休日のアクセス\",\"勤労感謝の日\"", "\"ログイン失敗\"", "\"アカウントロック\"",
        "\"大量閲覧\",\"1日100件超\"", "\"" + heavy + "\",\"RESIDENT_VIEW\",\"\",\"\",\"101\",\"2\"");
    assertThat(lastAudited("AUDIT_EXPORT")).startsWith("abnormal access from=2026-11-20 to=2026-11-24").contains("rows=");
  }

  @Test
  void R11_aPeriodBackwardsOrLongerThanAYearIsRefused() throws Exception {
    call("/api/audit/abnormal-access", Map.of("from", "2026-11-21", "to", "2026-11-20"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.to").value("終了日は開始日以降の日付にしてください"));
    call("/api/audit/abnormal-access", Map.of("from", "2025-01-01", "to", "2026-01-02"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.to").value("期間は366日以内にしてください"));
    call("/api/audit/abnormal-access", Map.of("to", "2026-01-01"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.from").value("開始日を入力してください"));
  }

  private static java.time.Instant at(String japanTime) {
    return java.time.LocalDateTime.parse(japanTime).atZone(PastEvents.JAPAN).toInstant();
  }

  private String lastAudited(String operation) {
    return jdbc.queryForObject("select detail from audit_event where operation = ? and username = 'auditor1' "
        + "order by id desc limit 1", String.class, operation);
  }

  private ResultActions call(String path, Object body) throws Exception {
    return mvc.perform(post(path).with(csrf()).with(users.as("auditor1")).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(body)));
  }
}
