package jp.lg.immunization.workflow;

import java.time.Instant;
import java.util.List;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Steps that failed after all their retries (a national system down, say): listed for administrators,
 * who retry them once the cause is gone. The case waits at its step meanwhile; nothing is lost.
 */
@Service
class Incidents {

  record IncidentView(String id, String processKey, String processName, String step, String caseId,
                      String message, Instant occurredAt) {}

  private final RuntimeService runtime;
  private final ManagementService management;
  private final ProcessModels models;
  private final AuditTrail audit;

  Incidents(RuntimeService runtime, ManagementService management, ProcessModels models, AuditTrail audit) {
    this.runtime = runtime;
    this.management = management;
    this.models = models;
    this.audit = audit;
  }

  List<IncidentView> open() {
    return runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, 200).stream()
        .map(this::view).toList();
  }

  @Transactional
  void retry(String incidentId) {
    Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
    if (incident == null) {
      throw ApiException.notFound("障害が見つかりません（既に解決済みの可能性があります）");
    }
    if (incident.getConfiguration() == null || management.createJobQuery().jobId(incident.getConfiguration()).count() == 0) {
      throw ApiException.conflict("not_retryable", "この障害は再実行できません");
    }
    management.setJobRetries(incident.getConfiguration(), 1);
    audit.record(AuditOperation.INCIDENT_RETRY, null, "incident=" + incidentId + " step=" + incident.getActivityId());
  }

  private IncidentView view(Incident incident) {
    ProcessModels.ProcessModel model = models.byDefinitionId(incident.getProcessDefinitionId());
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processInstanceId(incident.getProcessInstanceId()).singleResult();
    return new IncidentView(incident.getId(), model.key(), model.name(), incident.getActivityId(),
        instance == null ? null : instance.getBusinessKey(), incident.getIncidentMessage(),
        incident.getIncidentTimestamp().toInstant());
  }
}
