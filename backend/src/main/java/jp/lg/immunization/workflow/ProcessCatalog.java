package jp.lg.immunization.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.SignedInUser;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The processes a user may start: those with a case starter whose starter groups include one of the user's. */
@Service
class ProcessCatalog {

  record Entry(String key, String name, String description, JsonNode startForm) {}

  record Started(String processInstanceId, String caseId, String caseLabel) {}

  /** The account that started the case: a staff id, for four-eyes rules and for tasks that go back to the requester. */
  static final String STARTED_BY = "startedBy";

  private final ProcessModels models;
  private final FormRegistry forms;
  private final RuntimeService runtime;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ProcessSteps steps;

  ProcessCatalog(ProcessModels models, FormRegistry forms, RuntimeService runtime, CurrentUser currentUser,
                 AuditTrail audit, ProcessSteps steps) {
    this.models = models;
    this.forms = forms;
    this.runtime = runtime;
    this.currentUser = currentUser;
    this.audit = audit;
    this.steps = steps;
  }

  List<Entry> startable() {
    SignedInUser user = currentUser.get();
    return models.latest().stream().filter(model -> mayStart(model, user))
        .map(model -> new Entry(model.key(), model.name(), model.description(),
            forms.find(model.startFormId()).map(FormDefinition::schema).orElse(null)))
        .toList();
  }

  @Transactional
  Started start(String processKey, Map<String, Object> values) {
    SignedInUser user = currentUser.get();
    ProcessModels.ProcessModel model = models.latest().stream().filter(m -> m.key().equals(processKey)).findFirst()
        .orElseThrow(() -> ApiException.notFound("業務が見つかりません"));
    if (!mayStart(model, user)) {
      throw ApiException.forbidden("not_starter", "この業務を開始する権限がありません");
    }
    Map<String, Object> accepted = forms.find(model.startFormId())
        .map(form -> form.validate(values == null ? Map.of() : values)).orElse(Map.of());
    CaseStarter.StartedCase started = steps.start(processKey, accepted);
    Map<String, Object> variables = new HashMap<>(started.variables());
    variables.put(STARTED_BY, user.username());
    String instanceId = runtime.startProcessInstanceByKey(processKey, started.businessKey(), variables).getId();
    audit.record(AuditOperation.PROCESS_START, null, "process=" + processKey + " case=" + started.businessKey());
    return new Started(instanceId, started.businessKey(), model.name() + " #" + started.businessKey());
  }

  private boolean mayStart(ProcessModels.ProcessModel model, SignedInUser user) {
    return steps.startable(model.key()) && !Collections.disjoint(model.starterGroups(), user.candidateGroups());
  }
}
