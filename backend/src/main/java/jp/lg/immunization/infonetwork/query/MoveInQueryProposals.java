package jp.lg.immunization.infonetwork.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.infonetwork.LegalBasis;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.resident.ResidentRegisterChanged;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A 転入 makes the doses the previous municipality gave worth asking for (issue 14): the register change proposes a
 * 情報照会 of the 予防接種 records to staff, who start it pre-filled (a supervisor still approves it before it is sent)
 * or dismiss it with a note. Nothing is sent without staff and a supervisor.
 */
@Component
class MoveInQueryProposals {

  static final InformationItem ITEM = InformationItem.VACCINATION_RECORD;
  static final LegalBasis BASIS = LegalBasis.ACT19_8_TABLE14;

  /** A proposal as staff see it, with the link that opens the query's start form filled in. */
  record Proposal(long id, long residentId, String addresseeNumber, String nameKanji, LocalDate movedInOn,
                  Instant createdAt, String startLink) {}

  private final JdbcTemplate jdbc;
  private final ResidentDirectory residents;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  MoveInQueryProposals(JdbcTemplate jdbc, ResidentDirectory residents, CurrentUser currentUser, AuditTrail audit,
                       Clock clock) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /** In the transaction that applies the 転入, so that a rolled-back feed proposes nothing. */
  @EventListener
  void onRegisterChange(ResidentRegisterChanged change) {
    if (change.change() != ResidentRegisterChanged.Change.MOVED_IN) {
      return;
    }
    jdbc.update("""
        insert into query_proposal (resident_id, moved_in_on, status, created_at) values (?, ?, 'OPEN', ?)
        on conflict (resident_id, moved_in_on) do nothing""", change.residentId(), Date.valueOf(change.on()),
        Timestamp.from(Instant.now(clock)));
  }

  /** The open proposals, oldest first; each names a resident, so listing them is an audited access (R04). */
  @Transactional
  List<Proposal> open() {
    List<Proposal> proposals = jdbc.query("""
        select id, resident_id, moved_in_on, created_at from query_proposal where status = 'OPEN'
        order by created_at, id limit 200""", (rs, n) -> {
      long residentId = rs.getLong("resident_id");
      ResidentDirectory.ResidentRef resident = residents.byId(residentId).orElseThrow();
      LocalDate movedInOn = rs.getDate("moved_in_on").toLocalDate();
      return new Proposal(rs.getLong("id"), residentId, resident.addresseeNumber(), resident.nameKanji(), movedInOn,
          rs.getTimestamp("created_at").toInstant(), startLink(resident.addresseeNumber(), movedInOn));
    });
    audit.recordEach(AuditOperation.CASE_VIEW, proposals.stream().map(Proposal::residentId).toList(),
        "move-in query proposals");
    return proposals;
  }

  @Transactional
  void dismiss(long id, String note) {
    if (note == null || note.isBlank()) {
      throw ApiException.invalid("照会しない理由を入力してください", Map.of("note", "照会しない理由を入力してください"));
    }
    if (note.strip().length() > 500) {
      throw ApiException.invalid("理由は500文字までです", Map.of("note", "500文字までです"));
    }
    int updated = jdbc.update("""
        update query_proposal set status = 'DISMISSED', decided_by = ?, decided_at = ?, note = ?
        where id = ? and status = 'OPEN'""", currentUser.get().username(), Timestamp.from(Instant.now(clock)),
        note.strip(), id);
    if (updated == 0) {
      throw ApiException.conflict("proposal_closed", "この照会の提案は、すでに照会を開始したか、照会しないことにしています");
    }
  }

  /** A query of the 予防接種 records was started for the resident: their open proposals are taken up. */
  void started(long residentId, InformationItem item) {
    if (item != ITEM) {
      return;
    }
    jdbc.update("""
        update query_proposal set status = 'STARTED', decided_by = ?, decided_at = ?
        where resident_id = ? and status = 'OPEN'""", currentUser.get().username(),
        Timestamp.from(Instant.now(clock)), residentId);
  }

  private static String startLink(String addresseeNumber, LocalDate movedInOn) {
    String purpose = "転入（" + movedInOn + "）前の市町村で受けた予防接種の記録の確認";
    return "/processes?start=" + InformationQueries.PROCESS_KEY + "&addresseeNumber=" + addresseeNumber
        + "&informationItem=" + ITEM.name() + "&legalBasis=" + BASIS.name() + "&purpose="
        + URLEncoder.encode(purpose, StandardCharsets.UTF_8);
  }
}
