package jp.lg.immunization.outsideprovision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R13's record: what, to whom, why, when and by whom, readable afterwards, and unchangeable: the database refuses a
 * change of the confirmed content or recipient, any change after sending, deletion, a confirmation by the recorder,
 * and any change of the timeline. Bad input is refused with the field named and changes nothing.
 */
@IntegrationTest
class OutsideProvisionRecordTest {

  @Autowired ProcessDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  private OutsideProvisionFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new OutsideProvisionFixtures(driver, context);
  }

  @Test
  void R13_theRecordOfWhatToWhomWhyWhenAndByWhomCannotBeChangedAfterConfirmationOrSending() throws Exception {
    long residentId = fixtures.residentId();
    ProcessInstance instance = fixtures.start(residentId);
    long id = fixtures.id(instance);

    assertThatThrownBy(() -> jdbc.update("update outside_provision set confirmed_by = 'staff1', confirmed_at = now()"
        + " where id = ?", id)).hasMessageContaining("outside_provision_four_eyes");
    driver.complete("staff2", instance, "ConfirmOutsideProvision", OutsideProvisionFixtures.confirmation());
    assertThatThrownBy(() -> jdbc.update("update outside_provision set recipient_contact = 'other@example.jp'"
        + " where id = ?", id)).hasMessageContaining("R13").hasMessageContaining("confirmed");
    assertThatThrownBy(() -> jdbc.update("update outside_provision set content = '全項目' where id = ?", id))
        .hasMessageContaining("R13");

    driver.complete("staff1", instance, "RecordOutsideProvisionSent",
        Map.of("sentOn", OutsideProvisionFixtures.today().toString()));
    assertThatThrownBy(() -> jdbc.update("update outside_provision set send_note = 'x' where id = ?", id))
        .hasMessageContaining("was sent");
    // The app's database role may not touch the timeline at all (V73), and while it is there the record stays.
    assertThatThrownBy(() -> jdbc.update("delete from outside_provision_event where provision_id = ?", id))
        .hasStackTraceContaining("permission denied");
    assertThatThrownBy(() -> jdbc.update("update outside_provision_event set actor = 'x' where provision_id = ?", id))
        .hasStackTraceContaining("permission denied");
    assertThatThrownBy(() -> jdbc.update("delete from outside_provision where id = ?", id))
        .hasStackTraceContaining("outside_provision_event");

    driver.perform("staff2", get("/api/outside-provisions/" + id), null).andExpect(status().isOk())
        .andExpect(jsonPath("$.recipientName").value("架空町 健康推進課（テスト）"))
        .andExpect(jsonPath("$.recipientContact").value("kenko@town.example.lg.jp"))
        .andExpect(jsonPath("$.content").value("予防接種履歴（接種種別・接種区分・接種年月日）"))
        .andExpect(jsonPath("$.purpose").value("転出先での定期接種の実施のため"))
        .andExpect(jsonPath("$.recordedBy").exists()).andExpect(jsonPath("$.confirmedBy").exists())
        .andExpect(jsonPath("$.sentOn").value(OutsideProvisionFixtures.today().toString()))
        .andExpect(jsonPath("$.timeline.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'OUTSIDE_PROVISION_SENT'"
        + " and resident_id = ?", Long.class, residentId)).isEqualTo(1);
  }

  @Test
  void R13_aMyNumberOrAnEmailProvisionWithoutAnAddressIsRefusedAndNothingIsRecorded() throws Exception {
    long residentId = fixtures.residentId();
    Map<String, Object> withNumber = fixtures.recording(residentId);
    withNumber.put("content", "個人番号 123456789018 と接種履歴");
    driver.startRequest("staff1", OutsideProvisionFixtures.PROCESS, withNumber).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.content").exists());
    Map<String, Object> noAddress = fixtures.recording(residentId);
    noAddress.put("recipientContact", "架空町役場");
    driver.startRequest("staff1", OutsideProvisionFixtures.PROCESS, noAddress).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.recipientContact").exists());

    assertThat(jdbc.queryForObject("select count(*) from outside_provision where resident_id = ?", Long.class,
        residentId)).isZero();
  }
}
