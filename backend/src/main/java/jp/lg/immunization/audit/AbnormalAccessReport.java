package jp.lg.immunization.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.OfficeCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The abnormal-access report (R11) over a period of days in Japan: what users did on closed days (weekends, 国民の
 * 祝日, the year-end closure, configured closure days) or outside office hours, failed logins and lockouts, and users
 * who viewed more residents in one day than the threshold. Times are read in Asia/Tokyo, whatever the server's zone.
 */
@Service
class AbnormalAccessReport {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final int LONGEST_PERIOD_DAYS = 366;
  /** Login failures and lockouts have their own sections; the system's own jobs are not users' accesses. */
  private static final List<String> NOT_ACCESSES = List.of(AuditOperation.LOGIN_FAILED.name(),
      AuditOperation.ACCOUNT_LOCKED.name());

  /** {@code reason}: why the moment is outside office hours, null inside them. */
  record Access(long id, Instant occurredAt, String username, String operation, Long residentId,
                String addresseeNumber, String clientAddress, String detail, String reason) {}

  record HeavyViewer(LocalDate day, String username, long views, long residents) {}

  /** {@code count} is every match; {@code rows} at most the limit asked for. */
  record Section<T>(long count, List<T> rows) {
    boolean truncated() {
      return rows.size() < count;
    }
  }

  record Report(LocalDate from, LocalDate to, LocalTime opensAt, LocalTime closesAt, int dailyViewThreshold,
                Section<Access> outsideOfficeHours, Section<Access> loginFailures, Section<Access> lockouts,
                Section<HeavyViewer> heavyViewers) {

    boolean truncated() {
      return outsideOfficeHours.truncated() || loginFailures.truncated() || lockouts.truncated()
          || heavyViewers.truncated();
    }

    String describe() {
      return "from=" + from + " to=" + to + " outsideOfficeHours=" + outsideOfficeHours.count() + " loginFailures="
          + loginFailures.count() + " lockouts=" + lockouts.count() + " heavyViewers=" + heavyViewers.count();
    }
  }

  private final JdbcTemplate jdbc;
  private final OfficeCalendar calendar;
  private final AuditTrail trail;
  private final AuditedResidents residents;
  private final int dailyViewThreshold;

  AbnormalAccessReport(JdbcTemplate jdbc, OfficeCalendar calendar, AuditTrail trail, AuditedResidents residents,
                       @Value("${immunization.audit.daily-view-threshold:100}") int dailyViewThreshold) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.trail = trail;
    this.residents = residents;
    this.dailyViewThreshold = dailyViewThreshold;
  }

  /** For the screen: the report, itself audited with its counts. */
  @Transactional
  Report show(LocalDate from, LocalDate to, int rowLimit) {
    Report report = build(from, to, rowLimit);
    trail.record(AuditOperation.ABNORMAL_ACCESS_REPORT, null, report.describe());
    return report;
  }

  /** Unaudited: the caller records what it does with it. */
  Report build(LocalDate from, LocalDate to, int rowLimit) {
    if (from == null || to == null) {
      throw ApiException.invalid("期間を入力してください", from == null ? Map.of("from", "開始日を入力してください")
          : Map.of("to", "終了日を入力してください"));
    }
    if (from.isAfter(to)) {
      throw ApiException.invalid("期間が正しくありません", Map.of("to", "終了日は開始日以降の日付にしてください"));
    }
    if (ChronoUnit.DAYS.between(from, to) >= LONGEST_PERIOD_DAYS) {
      throw ApiException.invalid("期間が長すぎます", Map.of("to", "期間は" + LONGEST_PERIOD_DAYS + "日以内にしてください"));
    }
    if (from.isBefore(OfficeCalendar.FIRST) || to.isAfter(OfficeCalendar.LAST)) {
      throw ApiException.invalid("期間が正しくありません", Map.of("from", "2000年から2099年までの日付にしてください"));
    }
    Timestamp start = Timestamp.from(from.atStartOfDay(JAPAN).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(JAPAN).toInstant());
    return new Report(from, to, calendar.opensAt(), calendar.closesAt(), dailyViewThreshold,
        outsideOfficeHours(from, to, start, end, rowLimit),
        events(AuditOperation.LOGIN_FAILED, start, end, rowLimit),
        events(AuditOperation.ACCOUNT_LOCKED, start, end, rowLimit),
        heavyViewers(start, end, rowLimit));
  }

  private Section<Access> outsideOfficeHours(LocalDate from, LocalDate to, Timestamp start, Timestamp end, int limit) {
    List<String> closedDays = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (!calendar.isBusinessDay(day)) {
        closedDays.add(day.toString());
      }
    }
    // Local time in Japan, whatever the database session's time zone.
    String condition = " " + """
        where occurred_at >= ? and occurred_at < ? and username <> 'system' and operation <> all(?)
          and ((occurred_at at time zone 'Asia/Tokyo')::date = any(?::date[])
               or (occurred_at at time zone 'Asia/Tokyo')::time < ?::time
               or (occurred_at at time zone 'Asia/Tokyo')::time >= ?::time)""";
    Object[] args = {start, end, NOT_ACCESSES.toArray(String[]::new), closedDays.toArray(String[]::new),
        calendar.opensAt().toString(), calendar.closesAt().toString()};
    return section("select count(*) from audit_event" + condition, args, condition, limit);
  }

  private Section<Access> events(AuditOperation operation, Timestamp start, Timestamp end, int limit) {
    String condition = " where occurred_at >= ? and occurred_at < ? and operation = ?";
    Object[] args = {start, end, operation.name()};
    return section("select count(*) from audit_event" + condition, args, condition, limit);
  }

  private Section<Access> section(String countSql, Object[] args, String condition, int limit) {
    long count = jdbc.queryForObject(countSql, Long.class, args);
    List<Object> pageArgs = new ArrayList<>(List.of(args));
    pageArgs.add(limit);
    List<Access> rows = jdbc.query("""
        select id, occurred_at, username, operation, resident_id, client_address, detail from audit_event"""
        + condition + " order by occurred_at, id limit ?", (rs, n) -> {
          Instant at = rs.getTimestamp("occurred_at").toInstant();
          long residentId = rs.getLong("resident_id");
          boolean noResident = rs.wasNull();
          return new Access(rs.getLong("id"), at, rs.getString("username"), rs.getString("operation"),
              noResident ? null : residentId, null, rs.getString("client_address"), rs.getString("detail"),
              reason(LocalDateTime.ofInstant(at, JAPAN)));
        }, pageArgs.toArray());
    Map<Long, String> numbers = residents.addresseeNumbers(
        rows.stream().map(Access::residentId).filter(Objects::nonNull).distinct().toList());
    return new Section<>(count, rows.stream().map(a -> a.residentId() == null ? a : new Access(a.id(), a.occurredAt(),
        a.username(), a.operation(), a.residentId(), numbers.get(a.residentId()), a.clientAddress(), a.detail(),
        a.reason())).toList());
  }

  /** Why a moment is outside office hours: the closed day's reason, else 始業前 or 終業後; null inside them. */
  private String reason(LocalDateTime time) {
    if (calendar.isOfficeHours(time)) {
      return null;
    }
    return calendar.closedBecause(time.toLocalDate())
        .orElse(time.toLocalTime().isBefore(calendar.opensAt()) ? "始業前" : "終業後");
  }

  private Section<HeavyViewer> heavyViewers(Timestamp start, Timestamp end, int limit) {
    List<HeavyViewer> all = jdbc.query("""
        select (occurred_at at time zone 'Asia/Tokyo')::date as day, username, count(*) as views,
               count(distinct resident_id) as residents
        from audit_event
        where occurred_at >= ? and occurred_at < ? and operation = ?
        group by 1, 2 having count(*) > ?
        order by 1, 3 desc, 2""", (rs, n) -> new HeavyViewer(rs.getDate("day").toLocalDate(), rs.getString("username"),
        rs.getLong("views"), rs.getLong("residents")), start, end, AuditOperation.RESIDENT_VIEW.name(),
        dailyViewThreshold);
    return new Section<>(all.size(), all.stream().limit(limit).toList());
  }
}
