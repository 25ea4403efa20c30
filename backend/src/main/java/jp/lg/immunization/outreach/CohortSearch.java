package jp.lg.immunization.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cohort search: every resident on the page shown is a search hit in the audit trail (R04). */
@Service
class CohortSearch {

  static final int MAX_PAGE_SIZE = 100;

  private final Cohorts cohorts;
  private final QuestionnaireRecords questionnaires;
  private final AuditTrail audit;

  CohortSearch(Cohorts cohorts, QuestionnaireRecords questionnaires, AuditTrail audit) {
    this.cohorts = cohorts;
    this.questionnaires = questionnaires;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  OutreachViews.Options options() {
    return new OutreachViews.Options(cohorts.vaccines(), cohorts.districts(), CohortExport.MAX_ROWS,
        QuestionnaireIssuance.MAX_SHEETS, Cohorts.MAX_EVALUATED);
  }

  @Transactional
  OutreachViews.Page search(CohortCriteria criteria, int page, int size) {
    Cohorts.Page found = cohorts.page(criteria, Math.max(page, 0), Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
    List<Long> ids = found.rows().stream().map(row -> row.member().id()).toList();
    Map<Long, Instant> issued = questionnaires.lastIssued(ids, criteria.vaccine());
    audit.recordEach(AuditOperation.RESIDENT_SEARCH_HIT, ids, "outreach " + criteria.describe());
    return new OutreachViews.Page(found.rows().stream().map(row -> OutreachViews.Row.of(row, found.asOf(), issued))
        .toList(), found.page(), found.size(), found.total(), found.asOf());
  }
}
