package jp.lg.immunization.disclosure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.UserDirectory;
import jp.lg.immunization.workflow.CaseVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inquiries and complaints about the handling of personal information (問い合わせ・苦情, R29). Each gets a receipt
 * (受付票) numbered per fiscal year; one about a serious incident (重大事故, e.g. a leak) has a standard processing period
 * ({@code immunization.inquiry.serious-incident-period}, P14D by default) to check the facts with those concerned,
 * tracked by its due date until it is closed with its outcome.
 */
@Service
class Inquiries {

  record NewInquiry(@NotNull(message = "受付日を入力してください") LocalDate receivedOn,
                    @NotBlank(message = "受付の方法を選んでください") String channel,
                    @NotBlank(message = "種別を選んでください") String category,
                    @NotBlank(message = "内容の要旨を入力してください")
                    @Size(max = 2000, message = "要旨は2000文字以内で入力してください") String summary,
                    boolean serious) {}

  record Receipt(long id, String receiptNumber, int fiscalYear, int number, LocalDate receivedOn, String channel,
                 String channelLabel, String category, String categoryLabel, String summary, String handler,
                 Instant recordedAt, boolean serious, LocalDate dueOn, boolean overdue, LocalDate closedOn,
                 String closedBy, String outcome, int version) {}

  /** How staff call an inquiry's record in messages. */
  private static final String NOUN = "受付票";
  private static final Map<String, String> CHANNELS = Map.of("TELEPHONE", "電話", "COUNTER", "窓口", "MAIL", "郵便",
      "EMAIL", "電子メール", "OTHER", "その他");
  private static final Map<String, String> CATEGORIES = Map.of("INQUIRY", "問い合わせ", "COMPLAINT", "苦情");
  private static final String COLUMNS = """
      id, fiscal_year, receipt_number, received_on, channel, category, summary, handler, recorded_at, serious, due_on,
      closed_on, closed_by, outcome, version""";

  private final JdbcTemplate jdbc;
  private final CurrentUser currentUser;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final Clock clock;
  private final Period seriousIncidentPeriod;

  Inquiries(JdbcTemplate jdbc, CurrentUser currentUser, UserDirectory users, AuditTrail audit, Clock clock,
            @Value("${immunization.inquiry.serious-incident-period:P14D}") String seriousIncidentPeriod) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.seriousIncidentPeriod = Period.parse(seriousIncidentPeriod);
    if (this.seriousIncidentPeriod.isNegative() || this.seriousIncidentPeriod.isZero()) {
      throw new IllegalArgumentException("immunization.inquiry.serious-incident-period must be a positive period (P14D)");
    }
  }


  @Transactional
  Receipt record(NewInquiry inquiry) {
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    if (inquiry.receivedOn().isAfter(LocalDate.now(clock))) {
      problems.put("receivedOn", "受付日が未来の日付です");
    }
    if (!CHANNELS.containsKey(inquiry.channel())) {
      problems.put("channel", "受付の方法の選択肢にない値です");
    }
    if (!CATEGORIES.containsKey(inquiry.category())) {
      problems.put("category", "種別の選択肢にない値です");
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("入力内容に誤りがあります", problems);
    }
    int fiscalYear = JapaneseDates.fiscalYearOf(inquiry.receivedOn());
    // The counter row is locked by the update until this transaction ends, so two receipts never share a number.
    int number = jdbc.queryForObject("""
        insert into inquiry_receipt_counter (fiscal_year, last_number) values (?, 1)
        on conflict (fiscal_year) do update set last_number = inquiry_receipt_counter.last_number + 1
        returning last_number""", Integer.class, fiscalYear);
    LocalDate dueOn = inquiry.serious() ? inquiry.receivedOn().plus(seriousIncidentPeriod) : null;
    long id = jdbc.queryForObject("""
        insert into inquiry (fiscal_year, receipt_number, received_on, channel, category, summary, handler, recorded_at,
          serious, due_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, fiscalYear, number,
        Date.valueOf(inquiry.receivedOn()), inquiry.channel(), inquiry.category(), inquiry.summary().strip(),
        currentUser.get().username(), Timestamp.from(Instant.now(clock)), inquiry.serious(),
        dueOn == null ? null : Date.valueOf(dueOn));
    audit.record(AuditOperation.INQUIRY_RECORDED, null, "inquiry=" + id + (inquiry.serious() ? " serious" : ""));
    return byId(id);
  }

  @Transactional
  List<Receipt> recent(boolean openSeriousOnly) {
    List<Receipt> receipts = jdbc.query("select " + COLUMNS + " from inquiry"
        + (openSeriousOnly ? " where serious and closed_on is null order by due_on, id"
        : " order by received_on desc, id desc limit 200"), this::map);
    audit.record(AuditOperation.INQUIRY_VIEW, null, "inquiry list, rows=" + receipts.size());
    return receipts;
  }

  @Transactional
  Receipt view(long id) {
    Receipt receipt = byId(id);
    audit.record(AuditOperation.INQUIRY_VIEW, null, "inquiry=" + id);
    return receipt;
  }

  @Transactional
  Receipt close(long id, int version, LocalDate closedOn, String outcome) {
    Receipt receipt = byId(id);
    CaseVersion.require(receipt.version(), version, NOUN);
    if (receipt.closedOn() != null) {
      throw ApiException.conflict("already_closed", "この問い合わせは既に完了しています（"
          + JapaneseDates.format(receipt.closedOn()) + "）");
    }
    if (closedOn.isAfter(LocalDate.now(clock)) || closedOn.isBefore(receipt.receivedOn())) {
      throw ApiException.invalid("完了日が正しくありません", Map.of("closedOn", "受付日から今日までの日付を入力してください"));
    }
    if (jdbc.update("""
        update inquiry set closed_on = ?, closed_by = ?, outcome = ?, version = version + 1
        where id = ? and version = ? and closed_on is null""", Date.valueOf(closedOn), currentUser.get().username(),
        outcome.strip(), id, version) == 0) {
      throw CaseVersion.stale(NOUN);
    }
    audit.record(AuditOperation.INQUIRY_CLOSED, null, "inquiry=" + id);
    return byId(id);
  }

  private Receipt byId(long id) {
    return jdbc.query("select " + COLUMNS + " from inquiry where id = ?", this::map, id).stream().findFirst()
        .orElseThrow(() -> ApiException.notFound("受付票が見つかりません"));
  }

  private Receipt map(ResultSet rs, int n) throws SQLException {
    int fiscalYear = rs.getInt("fiscal_year");
    int number = rs.getInt("receipt_number");
    LocalDate dueOn = rs.getDate("due_on") == null ? null : rs.getDate("due_on").toLocalDate();
    LocalDate closedOn = rs.getDate("closed_on") == null ? null : rs.getDate("closed_on").toLocalDate();
    String channel = rs.getString("channel");
    String category = rs.getString("category");
    return new Receipt(rs.getLong("id"), JapaneseDates.formatFiscalYear(fiscalYear) + " 第" + String.format("%04d", number)
        + "号", fiscalYear, number, rs.getDate("received_on").toLocalDate(), channel, CHANNELS.get(channel), category,
        CATEGORIES.get(category), rs.getString("summary"), users.displayName(rs.getString("handler")),
        rs.getTimestamp("recorded_at").toInstant(), rs.getBoolean("serious"), dueOn,
        dueOn != null && closedOn == null && LocalDate.now(clock).isAfter(dueOn), closedOn,
        users.displayName(rs.getString("closed_by")), rs.getString("outcome"), rs.getInt("version"));
  }
}
