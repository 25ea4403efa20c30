package jp.lg.immunization.infonetwork;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 不開示設定 (R16): set and lifted by administrators, every change in the audit trail. */
@Service
class NonDisclosureSettings {

  enum Reason { DV_PROTECTION, STALKER_PROTECTION, OTHER }

  record Setting(String addresseeNumber, Reason reason, String note, String setBy, Instant setAt) {}

  private final JdbcTemplate jdbc;
  private final ResidentDirectory residents;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  NonDisclosureSettings(JdbcTemplate jdbc, ResidentDirectory residents, CurrentUser currentUser, AuditTrail audit,
                        Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  boolean applies(long residentId) {
    return jdbc.queryForObject("select exists (select 1 from non_disclosure_setting where resident_id = ?)",
        Boolean.class, residentId);
  }

  List<Setting> all() {
    return jdbc.query("""
        select r.addressee_number, s.reason, s.note, s.set_by, s.set_at from non_disclosure_setting s
        join resident r on r.id = s.resident_id order by s.set_at desc""",
        (rs, n) -> new Setting(rs.getString(1), Reason.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()));
  }

  @Transactional
  void set(String addresseeNumber, Reason reason, String note) {
    long residentId = residentId(addresseeNumber);
    jdbc.update("""
        insert into non_disclosure_setting (resident_id, reason, note, set_by, set_at) values (?, ?, ?, ?, ?)
        on conflict (resident_id) do update set reason = excluded.reason, note = excluded.note,
                                                set_by = excluded.set_by, set_at = excluded.set_at""",
        residentId, reason.name(), note, currentUser.get().username(), Timestamp.from(Instant.now(clock)));
    audit.record(AuditOperation.NON_DISCLOSURE_SET, residentId, "reason=" + reason);
  }

  @Transactional
  void lift(String addresseeNumber) {
    long residentId = residentId(addresseeNumber);
    if (jdbc.update("delete from non_disclosure_setting where resident_id = ?", residentId) == 0) {
      throw ApiException.notFound("この住民には不開示設定がありません");
    }
    audit.record(AuditOperation.NON_DISCLOSURE_LIFTED, residentId, null);
  }

  private long residentId(String addresseeNumber) {
    return residents.requireByAddresseeNumber(addresseeNumber).id();
  }
}
