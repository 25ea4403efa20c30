package jp.lg.immunization.vaccination;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The disability that makes the B類 vaccines routine for a 60-64-year-old (予防接種法施行令第1条の3, 施行規則: 心臓・じん臓・
 * 呼吸器の機能又はヒト免疫不全ウイルスによる免疫の機能の障害, 身体障害者障害程度等級の1級に相当する程度). Staff record it from
 * the document they saw; eligibility, dose validation (E034) and outreach judge the resident with it while it is in
 * force. It is ended with the reason, never deleted, and goes with the resident's dose records.
 */
@Service
public class BClassQualifications {

  enum Impairment {
    HEART("心臓機能障害"), KIDNEY("じん臓機能障害"), RESPIRATORY("呼吸器機能障害"), HIV_IMMUNE("ヒト免疫不全ウイルスによる免疫機能障害");

    private final String label;

    Impairment(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  enum Evidence {
    DISABILITY_CERTIFICATE("身体障害者手帳（1級）"), MEDICAL_CERTIFICATE("医師の診断書（1級相当）");

    private final String label;

    Evidence(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** What staff record: the impairment, the document and the day they saw it. */
  record Recording(Impairment impairment, Evidence evidence, LocalDate evidenceSeenOn) {}

  /** One qualification as staff read it on the resident's page. */
  record Qualification(long id, String impairment, String impairmentLabel, String evidenceLabel,
                       LocalDate evidenceSeenOn, String recordedBy, Instant recordedAt, LocalDate endedOn,
                       String endReason) {}

  /** The column's length (V71). */
  private static final int REASON_LENGTH = 500;

  private final JdbcTemplate jdbc;
  private final ResidentDirectory residents;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  BClassQualifications(JdbcTemplate jdbc, ResidentDirectory residents, CurrentUser currentUser, AuditTrail audit,
                       Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the resident has a qualification in force. */
  public boolean holds(long residentId) {
    return !holding(List.of(residentId)).isEmpty();
  }

  /** The residents among {@code residentIds} with a qualification in force, in one query. */
  public Set<Long> holding(Collection<Long> residentIds) {
    if (residentIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.queryForList("""
        select distinct resident_id from b_class_qualification where ended_on is null and resident_id = any (?)""",
        Long.class, (Object) residentIds.toArray(Long[]::new)));
  }

  /** The resident's qualifications, in force first, for the resident's page (its view is audited there). */
  List<Qualification> of(long residentId) {
    return jdbc.query("""
        select id, impairment, evidence, evidence_seen_on, recorded_by, recorded_at, ended_on, end_reason
        from b_class_qualification where resident_id = ? order by ended_on desc nulls first, id desc""",
        (rs, n) -> {
          Impairment impairment = Impairment.valueOf(rs.getString("impairment"));
          return new Qualification(rs.getLong("id"), impairment.name(), impairment.label(),
              Evidence.valueOf(rs.getString("evidence")).label(), rs.getObject("evidence_seen_on", LocalDate.class),
              rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
              rs.getObject("ended_on", LocalDate.class), rs.getString("end_reason"));
        }, residentId);
  }

  @Transactional
  long record(long residentId, Recording given) {
    Recording recording = given == null ? new Recording(null, null, null) : given;
    ResidentDirectory.ResidentRef resident = residents.byId(residentId)
        .orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate today = LocalDate.now(clock);
    if (recording.impairment() == null) {
      problems.put("impairment", "障害の種類を選んでください");
    }
    if (recording.evidence() == null) {
      problems.put("evidence", "確認した書類を選んでください");
    }
    if (recording.evidenceSeenOn() == null) {
      problems.put("evidenceSeenOn", "書類を確認した日を入力してください");
    } else if (recording.evidenceSeenOn().isAfter(today)) {
      problems.put("evidenceSeenOn", "書類を確認した日が未来の日付です");
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("B類の対象となる障害を記録できません", problems);
    }
    String user = currentUser.get().username();
    long id;
    try {
      id = jdbc.queryForObject("""
          insert into b_class_qualification (resident_id, impairment, evidence, evidence_seen_on, recorded_by, recorded_at)
          values (?, ?, ?, ?, ?, ?) returning id""", Long.class, resident.id(), recording.impairment().name(),
          recording.evidence().name(), Date.valueOf(recording.evidenceSeenOn()), user,
          Timestamp.from(Instant.now(clock)));
    } catch (DuplicateKeyException alreadyThere) {
      throw ApiException.conflict("qualification_in_force", recording.impairment().label() + "はすでに記録されています");
    }
    audit.record(AuditOperation.B_CLASS_QUALIFICATION_RECORDED, resident.id(),
        "qualification=" + id + " impairment=" + recording.impairment() + " seen=" + recording.evidenceSeenOn());
    return id;
  }

  /** Ends a qualification in force (the 手帳 was returned, or it was recorded by mistake) with the reason. */
  @Transactional
  void end(long residentId, long id, String reason) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid("終了の理由を入力してください", Map.of("reason", "終了の理由を入力してください"));
    }
    if (reason.strip().length() > REASON_LENGTH) {
      throw ApiException.invalid("終了の理由が長すぎます", Map.of("reason", REASON_LENGTH + "文字以内で入力してください"));
    }
    LocalDate today = LocalDate.now(clock);
    if (jdbc.update("""
        update b_class_qualification set ended_on = ?, end_reason = ?, ended_by = ?
        where id = ? and resident_id = ? and ended_on is null""", Date.valueOf(today), reason.strip(),
        currentUser.get().username(), id, residentId) == 0) {
      throw ApiException.notFound("終了できるB類の対象となる障害の記録が見つかりません");
    }
    audit.record(AuditOperation.B_CLASS_QUALIFICATION_ENDED, residentId,
        "qualification=" + id + " ended=" + JapaneseDates.format(today));
  }
}
