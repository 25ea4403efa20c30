package jp.lg.immunization.infonetwork.provision;

import jp.lg.immunization.infonetwork.PermitList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Decides how a request is answered and leaves it in the process variable {@code route} for the gateway: REFUSE (not
 * on the permit list, or nobody we know), REVIEW (a person looks first: 不開示設定, R16, or an item not answered
 * automatically, R17) or AUTO.
 */
@Component("routeProvisionRequest")
class RouteProvisionRequest implements JavaDelegate {

  static final String VARIABLE = "route";

  private final ProvisionRequests requests;
  private final PermitList permitList;
  private final NonDisclosureSettings nonDisclosure;

  RouteProvisionRequest(ProvisionRequests requests, PermitList permitList, NonDisclosureSettings nonDisclosure) {
    this.requests = requests;
    this.permitList = permitList;
    this.nonDisclosure = nonDisclosure;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(VARIABLE, route(requests.byBusinessKey(execution.getProcessBusinessKey())));
  }

  private String route(ProvisionRequest request) {
    PermitList.Verdict verdict = permitList.provision(request.informationItem(), request.legalBasis());
    if (!verdict.permitted() || request.residentId() == null) {
      return "REFUSE";
    }
    if (nonDisclosure.applies(request.residentId())) {
      request.needsReview(ProvisionRequest.ReviewReason.NON_DISCLOSURE);
      return "REVIEW";
    }
    if (!verdict.autoResponse()) {
      request.needsReview(ProvisionRequest.ReviewReason.NO_AUTO_RESPONSE);
      return "REVIEW";
    }
    return "AUTO";
  }
}
