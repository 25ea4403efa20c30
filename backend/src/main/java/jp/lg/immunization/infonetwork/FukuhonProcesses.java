package jp.lg.immunization.infonetwork;

import java.util.Map;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import jp.lg.immunization.workflow.UntypedCaseSteps;
import jp.lg.immunization.workflow.ResidentTasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two 副本 processes share their case data; each is registered with the workflow under its own key. */
@Configuration(proxyBeanMethods = false)
class FukuhonProcesses {

  static final String REGISTRATION = "FukuhonRegistration";
  static final String CORRECTION = "FukuhonCorrection";

  @Bean
  FukuhonProcess fukuhonRegistration(FukuhonCases cases) {
    return new FukuhonProcess(REGISTRATION, FukuhonCase.Kind.REGISTRATION, "副本の登録", "ApproveFukuhon", cases);
  }

  @Bean
  FukuhonProcess fukuhonCorrection(FukuhonCases cases) {
    return new FukuhonProcess(CORRECTION, FukuhonCase.Kind.CORRECTION, "副本の訂正", "ApproveFukuhonCorrection", cases);
  }

  record FukuhonProcess(String processKey, FukuhonCase.Kind kind, String title, String approvalStep, FukuhonCases cases)
      implements UntypedCaseSteps.Starter, CaseContextProvider, UntypedCaseSteps.Handler {

    @Override
    public CaseStarter.StartedCase start(Map<String, Object> values) {
      FukuhonCase opened = cases.open(kind, values);
      return new CaseStarter.StartedCase(String.valueOf(opened.id()), Map.of(ResidentTasks.RESIDENT_ID, opened.residentId()));
    }

    @Override
    public CaseContext describe(String businessKey) {
      return cases.describe(businessKey, title);
    }

    @Override
    public void beforeComplete(String businessKey, String taskKey, Map<String, Object> values) {
      if (approvalStep.equals(taskKey) && "APPROVE".equals(values.get("decision"))) {
        cases.approve(businessKey);
      }
    }
  }
}
