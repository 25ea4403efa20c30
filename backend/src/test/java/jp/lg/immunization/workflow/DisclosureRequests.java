package jp.lg.immunization.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;

/** A disclosure request received today from a new resident, started by staff1: a case whose first step is staff's. */
final class DisclosureRequests {

  private DisclosureRequests() {}

  static ProcessInstance start(ApplicationContext context, ProcessDriver driver) throws Exception {
    ResidentFixtures residents = new ResidentFixtures(context);
    long resident = residents.insert(new ResidentFixtures.Person("割当", "花子", "ワリアテ", "ハナコ",
        LocalDate.of(2018, 3, 3), Sex.FEMALE, "360-0001", "埼玉県架空市本町1丁目2番3号", "REGISTERED"));
    return driver.start("staff1", "ResidentDataRequest", Map.of("kind", "DISCLOSURE", "addresseeNumber",
        residents.addresseeNumber(resident), "requesterType", "SELF", "requesterName", "本人（テスト）",
        "requesterRelation", "本人", "requestText", "接種記録の開示（テスト）", "receivedOn",
        LocalDate.now(ZoneId.of("Asia/Tokyo")).toString()));
  }
}
