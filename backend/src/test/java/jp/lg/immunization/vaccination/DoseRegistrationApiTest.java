package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import jp.lg.immunization.platform.LegalDates;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Registering a dose at the counter and correcting it ex officio, through the API staff use. */
@IntegrationTest
class DoseRegistrationApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  long residentId;
  String addresseeNumber;
  LocalDate birthDate;

  @BeforeEach
  void aChildWithoutDoses() {
    Map<String, Object> child = jdbc.queryForMap("""
        select id, addressee_number, birth_date from resident r
        where birth_date between current_date - interval '4 years' and current_date - interval '1 year'
          and status = 'REGISTERED' and not exists (select 1 from dose_record d where d.resident_id = r.id)
        order by id limit 1""");
    residentId = ((Number) child.get("id")).longValue();
    addresseeNumber = (String) child.get("addressee_number");
    birthDate = ((java.sql.Date) child.get("birth_date")).toLocalDate();
  }

  @Test
  void R04_aValidRecordIsRegisteredShownOnTheCasePageAndAudited() throws Exception {
    long audits = audits("DOSE_REGISTER");
    long id = register(firstDose(), false).andExpect(status().isCreated()).andReturn().getResponse()
        .getContentAsString().replaceAll("\\D", "").transform(Long::parseLong);

    Map<String, Object> row = jdbc.queryForMap("select * from dose_record where id = ?", id);
    assertThat(row).containsEntry("resident_id", residentId).containsEntry("vaccine", "MR（麻しん風しん）")
        .containsEntry("dose_category", "1期").containsEntry("lot_number", "MR2025A").containsEntry("source", "COUNTER")
        .containsEntry("registered_by", "staff1").containsEntry("sex", jdbc.queryForObject(
            "select sex from resident where id = ?", String.class, residentId));
    assertThat(row.get("error_code")).isNull();
    assertThat(audits("DOSE_REGISTER")).isEqualTo(audits + 1);
    mvc.perform(get("/api/residents/" + residentId + "/case").with(users.as("staff2")))
        .andExpect(jsonPath("$.doses[0].id").value(id))
        .andExpect(jsonPath("$.doses[0].vaccine").value("MR（麻しん風しん）"))
        .andExpect(jsonPath("$.doses[0].institutionName").value("さくら小児科クリニック"));
  }

  @Test
  void aRecordWithErrorsIsRefusedItemByItemAndNothingIsStored() throws Exception {
    Map<String, String> items = firstDose();
    // Two days ahead: the server's day is Japan's, which may already be tomorrow in UTC.
    items.put("doseDate", LocalDate.now().plusDays(2).toString());
    items.put("institutionId", "1110199");
    register(items, true).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message", containsString("E030")))
        .andExpect(jsonPath("$.fields.doseDate", containsString("未来の日付")))
        .andExpect(jsonPath("$.fields.institutionId", containsString("契約が終了")));
    assertThat(doses()).isZero();
  }

  @Test
  void anUnknownItemIsNamedAndRefused() throws Exception {
    Map<String, String> items = firstDose();
    items.put("myNumber", "123456789018");
    register(items, false).andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.myNumber").exists());
    assertThat(doses()).isZero();
  }

  @Test
  void aShortIntervalNeedsConfirmationAndThenStaysOnTheRecordAsItsErrorCode() throws Exception {
    register(firstDose(), false).andExpect(status().isCreated());
    Map<String, String> second = firstDose();
    second.put("vaccine", "水痘");
    second.put("doseCategory", "1回目");
    register(second, false).andExpect(status().isCreated());
    Map<String, String> tooSoon = new LinkedHashMap<>(second);
    tooSoon.put("doseCategory", "2回目");
    tooSoon.put("doseDate", birthDate.plusMonths(14).toString());

    register(tooSoon, false).andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.error").value("confirmation_required"))
        .andExpect(jsonPath("$.fields.doseDate", containsString("E032")));
    assertThat(doses()).isEqualTo(2);
    register(tooSoon, true).andExpect(status().isCreated());
    assertThat(jdbc.queryForObject("select error_code from dose_record where resident_id = ? and dose_category = '2回目'",
        String.class, residentId)).isEqualTo("E032");
  }

  @Test
  void ageFromRule_aDoseTheDayBeforeTheWindowOpensIsAWrongVaccinationToConfirm() throws Exception {
    LocalDate opens = LegalDates.monthsReachedOn(birthDate, 12);
    Map<String, String> early = firstDose();
    early.put("doseDate", opens.minusDays(1).toString());
    register(early, false).andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.fields.doseDate", containsString("E034")))
        .andExpect(jsonPath("$.fields.doseDate", containsString("接種時期前")));
    assertThat(doses()).isZero();

    Map<String, String> onTheDay = firstDose();
    onTheDay.put("doseDate", opens.toString());
    register(onTheDay, false).andExpect(status().isCreated());
    assertThat(jdbc.queryForObject("select error_code from dose_record where resident_id = ?", String.class,
        residentId)).isNull();
  }

  @Test
  void R05_aCorrectionKeepsBeforeAndAfterTheReasonAndTheUser() throws Exception {
    register(firstDose(), false).andExpect(status().isCreated());
    long id = jdbc.queryForObject("select id from dose_record where resident_id = ?", Long.class, residentId);
    Map<String, String> corrected = firstDose();
    corrected.remove("addresseeNumber");
    corrected.put("lotNumber", "MR2025B");
    corrected.put("doctorId", "D1010102");

    correct(id, 0, corrected, "予診票の転記誤り（ロット番号・医師）").andExpect(status().isNoContent());

    Map<String, Object> correction = jdbc.queryForMap(
        "select before_content::text b, after_content::text a, reason, corrected_by from dose_correction where dose_record_id = ?",
        id);
    assertThat(json.readTree((String) correction.get("b"))).isEqualTo(
        json.readTree("{\"lotNumber\":\"MR2025A\",\"doctorId\":\"D1010101\"}"));
    assertThat(json.readTree((String) correction.get("a"))).isEqualTo(
        json.readTree("{\"lotNumber\":\"MR2025B\",\"doctorId\":\"D1010102\"}"));
    assertThat(correction).containsEntry("reason", "予診票の転記誤り（ロット番号・医師）")
        .containsEntry("corrected_by", "staff2");
    assertThat(audits("DOSE_CORRECT")).isPositive();
    mvc.perform(get("/api/doses/" + id).with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.items.lotNumber").value("MR2025B"))
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.corrections[0].before.lotNumber").value("MR2025A"))
        .andExpect(jsonPath("$.corrections[0].correctedBy").value("staff2"))
        .andExpect(jsonPath("$.dose.corrections").value(1));
  }

  @Test
  void R05_aCorrectionWithoutReasonOrChangeOrOnAnOldVersionChangesNothing() throws Exception {
    register(firstDose(), false).andExpect(status().isCreated());
    long id = jdbc.queryForObject("select id from dose_record where resident_id = ?", Long.class, residentId);
    Map<String, String> corrected = firstDose();
    corrected.put("lotNumber", "MR2025C");

    correct(id, 0, corrected, " ").andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.reason").exists());
    correct(id, 0, firstDose(), "変更なし").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("nothing_changed"));
    correct(id, 0, corrected, "ロット番号の誤り").andExpect(status().isNoContent());
    Map<String, String> concurrent = firstDose();
    concurrent.put("lotNumber", "MR2025D");
    correct(id, 0, concurrent, "同時に開いた画面から").andExpect(status().isConflict());

    assertThat(jdbc.queryForObject("select lot_number from dose_record where id = ?", String.class, id))
        .isEqualTo("MR2025C");
    assertThat(jdbc.queryForObject("select count(*) from dose_correction where dose_record_id = ?", Long.class, id))
        .isEqualTo(1);
  }

  @Test
  void onlyCaseWorkersRegisterDoses() throws Exception {
    mvc.perform(post("/api/doses").with(users.as("manager1")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("items", firstDose())))).andExpect(status().isForbidden());
    mvc.perform(get("/api/doses/reference").with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.vaccines[?(@.code == 'MR')].categories[*]").value(
            org.hamcrest.Matchers.contains("1期", "2期")))
        .andExpect(jsonPath("$.institutions[*].id").value(org.hamcrest.Matchers.not(
            org.hamcrest.Matchers.hasItem("1110199"))));
    assertThat(doses()).isZero();
  }

  private Map<String, String> firstDose() {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("addresseeNumber", addresseeNumber);
    items.put("vaccine", "MR");
    items.put("doseCategory", "1期");
    items.put("lotNumber", "MR2025A");
    items.put("doseVolumeMl", "0.5");
    items.put("institutionId", "1110101");
    items.put("doctorId", "D1010101");
    items.put("placeId", "P01");
    items.put("doseDate", birthDate.plusMonths(12).plusDays(3).toString());
    return items;
  }

  private ResultActions register(Map<String, String> items, boolean confirm) throws Exception {
    return mvc.perform(post("/api/doses").with(users.as("staff1")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Map.of("items", items, "confirmWarnings", confirm))));
  }

  private ResultActions correct(long id, int version, Map<String, String> items, String reason) throws Exception {
    return mvc.perform(put("/api/doses/" + id).with(users.as("staff2")).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
            Map.of("version", version, "items", items, "reason", reason))));
  }

  private long doses() {
    return jdbc.queryForObject("select count(*) from dose_record where resident_id = ?", Long.class, residentId);
  }

  private long audits(String operation) {
    return jdbc.queryForObject("select count(*) from audit_event where operation = ?", Long.class, operation);
  }
}
