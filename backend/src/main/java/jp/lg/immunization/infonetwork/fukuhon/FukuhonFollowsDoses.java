package jp.lg.immunization.infonetwork.fukuhon;

import java.util.List;
import java.util.Map;
import jp.lg.immunization.vaccination.DoseRecordsChanged;
import jp.lg.immunization.workflow.CaseStarter;
import jp.lg.immunization.workflow.ResidentTasks;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the 副本 of the dose records in step with the master: when a resident's doses change and their 副本 is
 * registered, a correction case starts by itself, which a supervisor approves before it is sent (R22). In the same
 * transaction as the change, so a change that rolls back starts nothing; a case already under way is left to finish.
 */
@Component
class FukuhonFollowsDoses {

  private final FukuhonCases cases;
  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;

  FukuhonFollowsDoses(FukuhonCases cases, JdbcTemplate jdbc, RuntimeService runtime) {
    this.cases = cases;
    this.jdbc = jdbc;
    this.runtime = runtime;
  }

  @EventListener
  void dosesChanged(DoseRecordsChanged change) {
    List<Long> withFukuhon = jdbc.queryForList("""
        select f.resident_id from fukuhon f
        where f.information_item = 'VACCINATION_RECORD' and f.resident_id = any(?)
          and not exists (select 1 from fukuhon_case c
                          where c.resident_id = f.resident_id and c.information_item = f.information_item
                            and c.status not in ('REGISTERED', 'CANCELLED', 'REJECTED'))
        order by f.resident_id""", Long.class, (Object) change.residentIds().toArray(Long[]::new));
    for (long residentId : withFukuhon) {
      cases.openFollowUp(residentId, change.reason(), change.changedBy()).ifPresent(opened ->
          runtime.startProcessInstanceByKey(FukuhonProcesses.CORRECTION, String.valueOf(opened.id()), Map.of(
              ResidentTasks.RESIDENT_ID, residentId, CaseStarter.STARTED_BY, change.changedBy())));
    }
  }
}
