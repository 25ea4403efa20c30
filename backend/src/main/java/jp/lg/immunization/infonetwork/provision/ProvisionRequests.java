package jp.lg.immunization.infonetwork.provision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.infonetwork.LegalBasis;
import jp.lg.immunization.infonetwork.ProvisionRecords;
import jp.lg.immunization.infonetwork.fukuhon.RegisteredFukuhon;
import jp.lg.immunization.infonetwork.network.IntermediateServerPort;
import jp.lg.immunization.infonetwork.network.NetworkCodes;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.UserDirectory;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.ResidentTasks;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 情報提供: requests arriving from the network start the process; staff and supervisors see the request,
 * why it needs a person (R16, R17, R18), the 副本 and what will be sent.
 */
@Component
class ProvisionRequests implements CaseContextProvider, IntermediateServerPort.ProvisionRequestReceiver {

  static final String PROCESS_KEY = "InformationProvision";
  static final String START_MESSAGE = "ProvisionRequested";

  private final ProvisionRequestRepository requests;
  private final NetworkCodes codes;
  private final ProvisionRecords records;
  private final ResidentDirectory residents;
  private final CurrentUser currentUser;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final RegisteredFukuhon fukuhon;
  private final RuntimeService runtime;
  private final Clock clock;

  ProvisionRequests(ProvisionRequestRepository requests, NetworkCodes codes, ProvisionRecords records,
                    ResidentDirectory residents, CurrentUser currentUser, UserDirectory users, AuditTrail audit,
                    RegisteredFukuhon fukuhon, RuntimeService runtime, Clock clock) {
    this.requests = requests;
    this.codes = codes;
    this.records = records;
    this.residents = residents;
    this.currentUser = currentUser;
    this.users = users;
    this.audit = audit;
    this.fukuhon = fukuhon;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** A request from the network, addressed by 符号. The network may deliver it twice: the second changes nothing. */
  @Override
  @Transactional
  public long receive(String networkRequestId, String networkCode, InformationItem item, LegalBasis basis,
                      String requesterAgency) {
    Optional<ProvisionRequest> known = requests.findByNetworkRequestId(networkRequestId);
    if (known.isPresent()) {
      return known.get().id();
    }
    ProvisionRequest request = requests.save(new ProvisionRequest(networkRequestId, codes.residentFor(networkCode)
        .orElse(null), item, basis, requesterAgency, Instant.now(clock)));
    records.provisionReceived(new ProvisionRecords.Exchange(request.id(), request.residentId(),
        request.informationItem(), request.legalBasis(), request.requesterAgency(), request.receivedAt()));
    var start = runtime.createMessageCorrelation(START_MESSAGE).processInstanceBusinessKey(String.valueOf(request.id()));
    if (request.residentId() != null) {
      start.setVariable(ResidentTasks.RESIDENT_ID, request.residentId());
    }
    start.correlateStartMessage();
    return request.id();
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  void reviewed(String businessKey, String content) {
    byBusinessKey(businessKey).reviewed(currentUser.get().username(), content);
  }

  void approved(String businessKey) {
    byBusinessKey(businessKey).approved(currentUser.get().username());
  }

  @Override
  public Map<String, Object> formData(String businessKey, String taskKey) {
    if (!ReviewProvision.TASK.equals(taskKey)) {
      return Map.of();
    }
    return fukuhon(byBusinessKey(businessKey)).<Map<String, Object>>map(content -> Map.of("content", content))
        .orElse(Map.of());
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    ProvisionRequest request = byBusinessKey(businessKey);
    audit.record(AuditOperation.CASE_VIEW, request.residentId(), "process=" + PROCESS_KEY + " case=" + request.id());
    List<CaseContext.Section> sections = new ArrayList<>();
    sections.add(new CaseContext.Section("情報提供の依頼", List.of(
        row("照会元機関", request.requesterAgency()),
        row("求められた情報", request.informationItem().label()),
        row("根拠規定", request.legalBasis().label()),
        row("受信日時", JapaneseDates.format(request.receivedAt().atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate())),
        row("職員確認の理由", request.reviewReason() == null ? "—" : request.reviewReason().label()))));
    Optional.ofNullable(request.residentId()).flatMap(residents::byId).ifPresent(resident ->
        sections.add(new CaseContext.Section("対象者", List.of(
            row("氏名", resident.nameKanji()),
            row("生年月日", JapaneseDates.format(resident.birthDate())),
            row("宛名番号", resident.addresseeNumber())))));
    sections.add(new CaseContext.Section("副本", List.of(row("登録内容", fukuhon(request).orElse("副本の登録なし")))));
    if (request.reviewedBy() != null) {
      sections.add(new CaseContext.Section("提供する内容", List.of(
          row("確認した職員", users.displayName(request.reviewedBy())),
          row("内容", request.manualContent() == null ? "" : request.manualContent()))));
    }
    return new CaseContext("情報提供 #" + request.id() + "（" + request.status().label() + "）", sections);
  }

  ProvisionRequest byBusinessKey(String businessKey) {
    return requests.findById(Long.parseLong(businessKey))
        .orElseThrow(() -> ApiException.notFound("情報提供の依頼が見つかりません"));
  }

  Optional<String> fukuhon(ProvisionRequest request) {
    if (request.residentId() == null) {
      return Optional.empty();
    }
    return fukuhon.content(request.residentId(), request.informationItem());
  }

  private static CaseContext.Row row(String label, String value) {
    return new CaseContext.Row(label, value);
  }
}
