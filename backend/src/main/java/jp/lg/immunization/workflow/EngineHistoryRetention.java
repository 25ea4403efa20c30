package jp.lg.immunization.workflow;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's history of a case (R27): an ended case's {@code ACT_HI_*} rows go when its definition's
 * historyTimeToLive (days) has passed since it ended, counted in whole days in Japan like every other rule, unless the
 * resident it was about is kept (legal hold, open case). Camunda's own history cleanup is switched off
 * ({@code historyCleanupEnabled: false}): it knew no holds and recorded nothing of what it deleted. The task read
 * model's rows of a deleted case go with it. In chunks, oldest ends first ({@link EngineHistoryRule}).
 */
@Component
class EngineHistoryRetention extends EngineHistoryRule {

  /** How an ended case names the resident it was about, so that a held resident's case history stays. */
  enum ResidentOfCase {
    /**
     * The {@value ResidentTasks#RESIDENT_ID} variable, which the engine's history keeps after the case ended. A case
     * without it concerned nobody on the register (e.g. an e-application whose applicant was never identified).
     */
    VARIABLE,
    /** Nobody in particular: a file, batch or run about many residents, whose history holds its ids and counts. */
    NONE,
    /**
     * The owning module's case table names the resident the case found or registered; the engine does not. This rule
     * cannot tell whose it is, so such a case stays while any resident is under legal hold, unless it ended where it
     * registered nobody ({@link #REGISTERED_NOBODY}).
     */
    OUTSIDE_THE_ENGINE
  }

  /** Every process in processes/ (a test checks it); a process missing here counts as {@code OUTSIDE_THE_ENGINE}. */
  static final Map<String, ResidentOfCase> RESIDENT_OF_CASE = Map.ofEntries(
      Map.entry("CoPayExemption", ResidentOfCase.VARIABLE),
      Map.entry("FukuhonCorrection", ResidentOfCase.VARIABLE),
      Map.entry("FukuhonRegistration", ResidentOfCase.VARIABLE),
      Map.entry("InformationProvision", ResidentOfCase.VARIABLE),
      Map.entry("InformationQuery", ResidentOfCase.VARIABLE),
      Map.entry("LongTermIllnessException", ResidentOfCase.VARIABLE),
      Map.entry("LongTermIllnessRevocation", ResidentOfCase.VARIABLE),
      Map.entry("OutsideProvision", ResidentOfCase.VARIABLE),
      Map.entry("ReliefClaim", ResidentOfCase.VARIABLE),
      Map.entry("ReliefEntitlementRevision", ResidentOfCase.VARIABLE),
      Map.entry("ResidentDataRequest", ResidentOfCase.VARIABLE),
      Map.entry("ResidentDepartureReview", ResidentOfCase.VARIABLE),
      Map.entry("ResidentIdentityCorrection", ResidentOfCase.VARIABLE),
      Map.entry("VaccinationCertificate", ResidentOfCase.VARIABLE),
      Map.entry("VrsMoverQuery", ResidentOfCase.VARIABLE),
      Map.entry("WrongVaccinationReport", ResidentOfCase.VARIABLE),
      Map.entry("DoseBatchRegistration", ResidentOfCase.NONE),
      Map.entry("ReliefPaymentRun", ResidentOfCase.NONE),
      Map.entry("ResidentFeedImport", ResidentOfCase.NONE),
      Map.entry("ResidentReconciliation", ResidentOfCase.NONE),
      Map.entry("VrsDoseRegistration", ResidentOfCase.NONE),
      Map.entry("NonResidentConfirmation", ResidentOfCase.OUTSIDE_THE_ENGINE),
      Map.entry("ResidentEntryByStaff", ResidentOfCase.OUTSIDE_THE_ENGINE));

  /**
   * The end events ({@code process:endEvent}, a test checks they exist) after which a case whose resident the engine
   * does not name registered nobody: no hold can concern it.
   */
  static final Set<String> REGISTERED_NOBODY = Set.of("NonResidentConfirmation:LookupExpired",
      "NonResidentConfirmation:IdentityNotFound", "NonResidentConfirmation:Withdrawn",
      "ResidentEntryByStaff:ResidentEntryRejected");

  /** The processes whose cases name their resident, if any, in the engine. */
  private final String[] namedInTheEngine;
  private final String[] registeredNobody;

  @Autowired
  EngineHistoryRetention(JdbcTemplate jdbc, HistoryService history,
                         @Value("${immunization.retention.engine-history-chunk:500}") int chunk) {
    this(jdbc, history, chunk, RESIDENT_OF_CASE, REGISTERED_NOBODY);
  }

  EngineHistoryRetention(JdbcTemplate jdbc, HistoryService history, int chunk,
                         Map<String, ResidentOfCase> residentOfCase, Set<String> registeredNobody) {
    super(jdbc, history, chunk);
    this.namedInTheEngine = residentOfCase.entrySet().stream()
        .filter(process -> process.getValue() != ResidentOfCase.OUTSIDE_THE_ENGINE).map(Map.Entry::getKey)
        .sorted().toArray(String[]::new);
    this.registeredNobody = registeredNobody.toArray(String[]::new);
  }

  @Override
  public String kind() {
    return "ENGINE_HISTORY";
  }

  /**
   * Root instances only (no process calls another). The first bound, the shortest time to live of any process, lets
   * the end-time index stop early.
   */
  @Override
  List<String> expired(Timestamp startOfToday, KeptResidents kept, int limit) {
    return jdbc.queryForList("""
        select h.id_ from act_hi_procinst h join act_re_procdef d on d.id_ = h.proc_def_id_
        where h.end_time_ < cast(? as timestamp) - (select min(history_ttl_) from act_re_procdef) * interval '1 day'
          and h.end_time_ < cast(? as timestamp) - d.history_ttl_ * interval '1 day'
          and h.id_ = coalesce(h.root_proc_inst_id_, h.id_)
          and not exists (select 1 from act_hi_varinst v
                          where v.proc_inst_id_ = h.id_ and v.name_ = ? and v.long_ = any (?))
          and (not ? or h.proc_def_key_ = any (?) or h.proc_def_key_ || ':' || h.end_act_id_ = any (?))
        order by h.end_time_, h.id_ limit ?
        for update of h skip locked""", String.class, startOfToday, startOfToday, ResidentTasks.RESIDENT_ID,
        kept.ids(), kept.anyHeld(), namedInTheEngine, registeredNobody, limit);
  }

  /** With the task read model's rows of the cases: closed steps only, so the open-step counts do not change. */
  @Override
  void delete(List<String> instanceIds) {
    history.deleteHistoricProcessInstancesBulk(instanceIds);
    jdbc.update("delete from task_view where process_instance_id = any (?)",
        (Object) instanceIds.toArray(String[]::new));
  }
}
