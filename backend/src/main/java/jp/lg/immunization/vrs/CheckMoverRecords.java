package jp.lg.immunization.vrs;

import java.util.Map;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.workflow.Step;
import jp.lg.immunization.workflow.StepHandler;

/** Staff check the former municipality's records VRS returned against what the resident says, and keep them. */
@Step(process = MoverQueries.PROCESS_KEY, task = "CheckVrsMoverRecords")
class CheckMoverRecords implements StepHandler<CheckMoverRecords.Form> {

  record Form(boolean recordsConfirmed, String note) {}

  private final MoverQueries queries;

  CheckMoverRecords(MoverQueries queries) {
    this.queries = queries;
  }

  @Override
  public void complete(String businessKey, Form form) {
    if (!form.recordsConfirmed()) {
      throw ApiException.invalid("接種記録の確認が済んでいません",
          Map.of("recordsConfirmed", "本人の申し出と照らして確認したら、チェックしてください"));
    }
    queries.confirmRecords(businessKey, form.note());
  }
}
