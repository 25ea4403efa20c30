package jp.lg.immunization.infonetwork.fukuhon;

import java.util.Map;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two 副本 processes share their case data; each is registered with the workflow under its own key. */
@Configuration(proxyBeanMethods = false)
class FukuhonProcesses {

  static final String REGISTRATION = "FukuhonRegistration";
  static final String CORRECTION = "FukuhonCorrection";

  /** The start form of both: whose 副本, which information, and why. */
  record Request(String addresseeNumber, InformationItem informationItem, String reason) {}

  @Bean
  FukuhonProcess fukuhonRegistration(FukuhonCases cases) {
    return new FukuhonProcess(REGISTRATION, FukuhonCase.Kind.REGISTRATION, "副本の登録", cases);
  }

  @Bean
  FukuhonProcess fukuhonCorrection(FukuhonCases cases) {
    return new FukuhonProcess(CORRECTION, FukuhonCase.Kind.CORRECTION, "副本の訂正", cases);
  }

  record FukuhonProcess(String processKey, FukuhonCase.Kind kind, String title, FukuhonCases cases)
      implements CaseStarter<Request>, CaseContextProvider {

    @Override
    public StartedCase start(Request request) {
      FukuhonCase opened = cases.open(kind, request);
      return StartedCase.of(opened.id(), opened.residentId(), Map.of());
    }

    @Override
    public CaseContext describe(String businessKey) {
      return cases.describe(businessKey, title);
    }
  }
}
