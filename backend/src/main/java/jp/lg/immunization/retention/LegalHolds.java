package jp.lg.immunization.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.audit.AuditedResidents;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds (R27): while a resident is under hold, no retention rule deletes anything of theirs. Placing and lifting
 * are recorded with who, when and why, and audited; a hold is never deleted, only lifted.
 */
@Service
class LegalHolds {

  record Hold(long id, String addresseeNumber, String reason, String setBy, Instant setAt, String liftedBy,
              Instant liftedAt, String liftReason) {

    /** The hold naming its resident, whose 宛名番号 the register answers after the holds are read. */
    Hold naming(String residentsAddresseeNumber) {
      return new Hold(id, residentsAddresseeNumber, reason, setBy, setAt, liftedBy, liftedAt, liftReason);
    }
  }

  static final int LIMIT = 500;

  private final JdbcTemplate jdbc;
  private final AuditedResidents residents;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  LegalHolds(JdbcTemplate jdbc, AuditedResidents residents, CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** The residents under an active hold, whose data no retention rule deletes. */
  List<Long> heldResidentIds() {
    return jdbc.queryForList("select distinct resident_id from legal_hold where lifted_at is null", Long.class);
  }

  /** Active holds first, then lifted ones, newest first; residents named by 宛名番号, looked up in one batch. */
  @Transactional(readOnly = true)
  List<Hold> list() {
    record Stored(long residentId, Hold hold) {}
    List<Stored> stored = jdbc.query("""
        select id, resident_id, reason, set_by, set_at, lifted_by, lifted_at, lift_reason from legal_hold
        order by lifted_at is not null, coalesce(lifted_at, set_at) desc, id desc limit ?""",
        (rs, n) -> {
          Timestamp lifted = rs.getTimestamp("lifted_at");
          return new Stored(rs.getLong("resident_id"), new Hold(rs.getLong("id"), null, rs.getString("reason"),
              rs.getString("set_by"), rs.getTimestamp("set_at").toInstant(), rs.getString("lifted_by"),
              lifted == null ? null : lifted.toInstant(), rs.getString("lift_reason")));
        }, LIMIT);
    Map<Long, String> numbers = residents.addresseeNumbers(stored.stream().map(Stored::residentId).distinct().toList());
    return stored.stream().map(row -> row.hold().naming(numbers.get(row.residentId()))).toList();
  }

  @Transactional
  long place(String addresseeNumber, String reason) {
    long residentId = residents.requireId(addresseeNumber);
    long id = jdbc.queryForObject("""
        insert into legal_hold (resident_id, reason, set_by, set_at) values (?, ?, ?, ?) returning id""", Long.class,
        residentId, reason.strip(), currentUser.get().username(), Timestamp.from(Instant.now(clock)));
    audit.record(AuditOperation.LEGAL_HOLD_SET, residentId, "hold=" + id);
    return id;
  }

  @Transactional
  void lift(long id, String reason) {
    List<Long> resident = jdbc.queryForList("""
        update legal_hold set lifted_by = ?, lifted_at = ?, lift_reason = ? where id = ? and lifted_at is null
        returning resident_id""", Long.class, currentUser.get().username(), Timestamp.from(Instant.now(clock)),
        reason.strip(), id);
    if (resident.isEmpty()) {
      if (jdbc.queryForObject("select count(*) from legal_hold where id = ?", Long.class, id) == 0) {
        throw ApiException.notFound("指定された保全措置はありません");
      }
      throw ApiException.conflict("already_lifted", "この保全措置はすでに解除されています");
    }
    audit.record(AuditOperation.LEGAL_HOLD_LIFTED, resident.get(0), "hold=" + id);
  }
}
