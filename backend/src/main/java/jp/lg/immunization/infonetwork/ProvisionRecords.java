package jp.lg.immunization.infonetwork;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** 情報提供等記録 (R25): who asked, who approved, what, on which basis, when, and how it ended; kept 7 years. */
@Component
class ProvisionRecords {

  static final int RETENTION_YEARS = 7;
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final JdbcTemplate jdbc;

  ProvisionRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void querySent(InformationQuery query, Instant sentAt, String outcome) {
    jdbc.update("""
        insert into provision_record (kind, query_id, resident_id, information_item, legal_basis, requested_by,
                                      approved_by, requested_at, approved_at, sent_at, outcome, retain_until)
        values ('QUERY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (query_id) do nothing""",
        query.id(), query.residentId(), query.informationItem().name(), query.legalBasis().name(),
        query.requestedBy(), query.approvedBy(), Timestamp.from(query.requestedAt()),
        Timestamp.from(query.approvedAt()), Timestamp.from(sentAt), outcome,
        java.sql.Date.valueOf(sentAt.atZone(JAPAN).toLocalDate().plusYears(RETENTION_YEARS)));
  }

  void provisionReceived(ProvisionRequest request) {
    jdbc.update("""
        insert into provision_record (kind, provision_request_id, resident_id, information_item, legal_basis,
                                      requested_by, requested_at, retain_until)
        values ('PROVISION', ?, ?, ?, ?, ?, ?, ?)
        on conflict (provision_request_id) do nothing""",
        request.id(), request.residentId(), request.informationItem().name(), request.legalBasis().name(),
        request.requesterAgency(), Timestamp.from(request.receivedAt()),
        java.sql.Date.valueOf(request.receivedAt().atZone(JAPAN).toLocalDate().plusYears(RETENTION_YEARS)));
  }

  void provisionAnswered(ProvisionRequest request, Instant sentAt, String outcome) {
    jdbc.update("""
        update provision_record set approved_by = ?, approved_at = ?, sent_at = ?, outcome = ?
        where provision_request_id = ?""",
        request.approvedBy(), request.approvedBy() == null ? null : Timestamp.from(sentAt), Timestamp.from(sentAt),
        outcome, request.id());
  }

  void answered(long queryId, Instant answeredAt) {
    jdbc.update("update provision_record set answered_at = ?, outcome = 'ANSWERED' where query_id = ?",
        Timestamp.from(answeredAt), queryId);
  }

  void ended(long queryId, String outcome) {
    jdbc.update("update provision_record set outcome = ? where query_id = ?", outcome, queryId);
  }
}
