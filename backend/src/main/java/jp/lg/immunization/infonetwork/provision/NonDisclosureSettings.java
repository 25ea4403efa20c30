package jp.lg.immunization.infonetwork.provision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  /** Newest first; settings of residents no longer in the register are not shown. */
  List<Setting> all() {
    record Stored(long residentId, Reason reason, String note, String setBy, Instant setAt) {}
    List<Stored> stored = jdbc.query("""
        select resident_id, reason, note, set_by, set_at from non_disclosure_setting order by set_at desc""",
        (rs, n) -> new Stored(rs.getLong(1), Reason.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()));
    Map<Long, String> numbers = residents.addresseeNumbers(stored.stream().map(Stored::residentId).toList());
    return stored.stream().filter(setting -> numbers.containsKey(setting.residentId()))
        .map(setting -> new Setting(numbers.get(setting.residentId()), setting.reason(), setting.note(),
            setting.setBy(), setting.setAt()))
        .toList();
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
