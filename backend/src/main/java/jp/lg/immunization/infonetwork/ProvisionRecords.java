package jp.lg.immunization.infonetwork;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 情報提供等記録 (R25): who asked, who approved, what, on which basis, when, and how it ended; kept 7 years. Written
 * by both directions of the exchange: our queries and other agencies' requests.
 */
@Component
public class ProvisionRecords {

  /** What every record names: the query's or request's id, whom it is about, what was asked, and who asked when. */
  public record Exchange(long id, Long residentId, InformationItem item, LegalBasis basis, String requestedBy,
                         Instant requestedAt) {}

  static final int RETENTION_YEARS = 7;
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final JdbcTemplate jdbc;

  ProvisionRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void querySent(Exchange query, String approvedBy, Instant approvedAt, Instant sentAt, String outcome) {
    jdbc.update("""
        insert into provision_record (kind, query_id, resident_id, information_item, legal_basis, requested_by,
                                      approved_by, requested_at, approved_at, sent_at, outcome, retain_until)
        values ('QUERY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (query_id) do nothing""",
        query.id(), query.residentId(), query.item().name(), query.basis().name(), query.requestedBy(), approvedBy,
        Timestamp.from(query.requestedAt()), Timestamp.from(approvedAt), Timestamp.from(sentAt), outcome,
        retainUntil(sentAt));
  }

  public void provisionReceived(Exchange request) {
    jdbc.update("""
        insert into provision_record (kind, provision_request_id, resident_id, information_item, legal_basis,
                                      requested_by, requested_at, retain_until)
        values ('PROVISION', ?, ?, ?, ?, ?, ?, ?)
        on conflict (provision_request_id) do nothing""",
        request.id(), request.residentId(), request.item().name(), request.basis().name(), request.requestedBy(),
        Timestamp.from(request.requestedAt()), retainUntil(request.requestedAt()));
  }

  public void provisionAnswered(long requestId, String approvedBy, Instant sentAt, String outcome) {
    jdbc.update("""
        update provision_record set approved_by = ?, approved_at = ?, sent_at = ?, outcome = ?
        where provision_request_id = ?""",
        approvedBy, approvedBy == null ? null : Timestamp.from(sentAt), Timestamp.from(sentAt), outcome, requestId);
  }

  public void answered(long queryId, Instant answeredAt) {
    jdbc.update("update provision_record set answered_at = ?, outcome = 'ANSWERED' where query_id = ?",
        Timestamp.from(answeredAt), queryId);
  }

  public void ended(long queryId, String outcome) {
    jdbc.update("update provision_record set outcome = ? where query_id = ?", outcome, queryId);
  }

  private static Date retainUntil(Instant from) {
    return Date.valueOf(from.atZone(JAPAN).toLocalDate().plusYears(RETENTION_YEARS));
  }
}
