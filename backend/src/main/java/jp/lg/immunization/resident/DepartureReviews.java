package jp.lg.immunization.resident;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseProcesses;
import jp.lg.immunization.workflow.CaseStarter;
import jp.lg.immunization.workflow.CaseStatus;
import jp.lg.immunization.workflow.CaseType;
import jp.lg.immunization.workflow.ResidentTasks;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the register says a resident left (転出, 死亡, 職権消除) while they have open tasks, staff get a task to decide
 * what becomes of those cases (ResidentDepartureReview). Started in the transaction that applied the 異動, so a file
 * that rolls back leaves no task behind.
 */
@Component
@CaseProcesses(DepartureReviews.PROCESS_KEY)
class DepartureReviews implements CaseType<DepartureReviews.Status>, CaseContextProvider {

  static final String PROCESS_KEY = "ResidentDepartureReview";
  static final String SYSTEM = "system";

  enum Status implements CaseStatus {
    OPEN, DECIDED;

    @Override
    public boolean ended() {
      return this == DECIDED;
    }
  }

  private static final Map<String, String> CHANGE_LABELS = Map.of("MOVED_OUT", "転出", "DIED", "死亡",
      "REMOVED_EX_OFFICIO", "職権消除");

  private final JdbcTemplate jdbc;
  private final ResidentTasks residentTasks;
  private final ResidentRepository residents;
  private final RuntimeService runtime;
  private final AuditTrail audit;
  private final Clock clock;

  DepartureReviews(JdbcTemplate jdbc, ResidentTasks residentTasks, ResidentRepository residents,
                   RuntimeService runtime, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.residentTasks = residentTasks;
    this.residents = residents;
    this.runtime = runtime;
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  void onRegisterChange(ResidentRegisterChanged change) {
    if (!change.leftTheRegister()) {
      return;
    }
    List<ResidentTasks.OpenTask> open = residentTasks.openFor(change.residentId()).stream()
        .filter(task -> !task.processName().equals(processName())).toList();
    if (open.isEmpty()) {
      return;
    }
    long id = jdbc.queryForObject("""
        insert into departure_review (resident_id, change, left_on, status, open_tasks, created_at)
        values (?, ?, ?, 'OPEN', ?, ?) returning id""", Long.class, change.residentId(), change.change().name(),
        Date.valueOf(change.on()), open.size(), Timestamp.from(Instant.now(clock)));
    CaseStarter.StartedCase started = CaseStarter.StartedCase.of(id, change.residentId(),
        Map.of(CaseStarter.STARTED_BY, SYSTEM));
    runtime.startProcessInstanceByKey(PROCESS_KEY, started.businessKey(), started.variables());
  }

  void decide(String businessKey, String decision, String note, String user) {
    if (jdbc.update("""
        update departure_review set decision = ?, note = ?, decided_by = ?, decided_at = ?, version = version + 1
        where id = ? and decided_at is null""", decision, note, user, Timestamp.from(Instant.now(clock)),
        Long.parseLong(businessKey)) == 0) {
      throw ApiException.conflict("already_decided", "この案件はすでに判断されています");
    }
  }

  @Override
  public void enter(String businessKey, Status status) {
    jdbc.update("update departure_review set status = ? where id = ?", status.name(), Long.parseLong(businessKey));
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public CaseContext describe(String businessKey) {
    Map<String, Object> review = jdbc.queryForMap("select * from departure_review where id = ?",
        Long.parseLong(businessKey));
    long residentId = ((Number) review.get("resident_id")).longValue();
    Resident resident = residents.findById(residentId).orElseThrow();
    audit.record(AuditOperation.CASE_VIEW, residentId, PROCESS_KEY + " " + businessKey);
    List<CaseContext.Row> tasks = new ArrayList<>();
    for (ResidentTasks.OpenTask task : residentTasks.openFor(residentId)) {
      tasks.add(new CaseContext.Row(task.processName(), task.name(), "/tasks/" + task.id()));
    }
    return new CaseContext("転出・死亡された方の案件 #" + businessKey, List.of(
        new CaseContext.Section("住民", List.of(
            new CaseContext.Row("宛名番号", resident.addresseeNumber(), "/residents/" + residentId),
            new CaseContext.Row("氏名", resident.name().fullKanji()),
            new CaseContext.Row("異動", CHANGE_LABELS.getOrDefault((String) review.get("change"),
                (String) review.get("change"))),
            new CaseContext.Row("異動日", JapaneseDates.format(((Date) review.get("left_on")).toLocalDate())))),
        new CaseContext.Section("進行中の案件", tasks)));
  }

  private static String processName() {
    return "転出・死亡された方の進行中の案件";
  }
}
