package jp.lg.immunization.illness;

import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff correct a case the supervisor sent back and submit it again, or withdraw it with the reason. */
@Step(process = IllnessExceptions.PROCESS_KEY, task = ReviseIllnessException.TASK)
class ReviseIllnessException implements StepHandler<ReviseIllnessException.Form> {

  static final String TASK = "ReviseLongTermIllnessException";

  enum Revision { RESUBMIT, WITHDRAW }

  record Form(Revision revision, String withdrawalReason, List<String> vaccineCodes,
              IllnessException.DiseaseCategory diseaseCategory, String diseaseName, LocalDate illnessFrom,
              LocalDate illnessTo, IllnessException.StatementKind statementKind, LocalDate statementReceivedOn,
              String statementInstitution, String statementDoctor, String note) {}

  private final IllnessExceptions exceptions;

  ReviseIllnessException(IllnessExceptions exceptions) {
    this.exceptions = exceptions;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if (form.revision() == Revision.WITHDRAW) {
      exceptions.withdraw(businessKey, form.withdrawalReason());
    } else {
      exceptions.revise(businessKey, new IllnessExceptions.Details(form.vaccineCodes(), form.diseaseCategory(),
          form.diseaseName(), form.illnessFrom(), form.illnessTo(), form.statementKind(), form.statementReceivedOn(),
          form.statementInstitution(), form.statementDoctor(), form.note()));
    }
  }
}
