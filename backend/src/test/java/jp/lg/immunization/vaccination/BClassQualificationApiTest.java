package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A 60-64-year-old with a qualifying disability (1級 of the heart, kidneys, respiratory organs or HIV) receives the
 * B類 vaccines as routine ones: once staff record it, the case page says 接種可 and a dose registers without E034;
 * ended, the resident waits for 65 again. Bad input and another resident's record change nothing.
 */
@IntegrationTest
class BClassQualificationApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ApplicationContext context;

  private ResidentFixtures residents;
  private long residentId;

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  @BeforeEach
  void setUp() {
    residents = new ResidentFixtures(context);
    residentId = resident();
  }

  private long resident() {
    return residents.insert(new ResidentFixtures.Person("障害", "確認", "ショウガイ", "カクニン",
        today().minusYears(62).minusDays(40), Sex.MALE, "360-0002", "埼玉県架空市障害確認町1番", "REGISTERED"));
  }

  private ResultActions pneumococcal(String status) throws Exception {
    return mvc.perform(get("/api/residents/" + residentId + "/case").with(users.as("staff1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.eligibility[?(@.vaccineCode == 'PNEUMOCOCCAL_ELDERLY')].status").value(contains(status)));
  }

  private ResultActions post(String user, String path, Object body) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.post(path)
        .with(users.as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  private ResultActions recordQualification(Map<String, Object> body) throws Exception {
    return post("staff1", "/api/residents/" + residentId + "/b-class-qualifications", body);
  }

  private ResultActions registerPneumococcal(boolean confirm) throws Exception {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("addresseeNumber", residents.addresseeNumber(residentId));
    items.put("vaccine", "高齢者肺炎球菌");
    items.put("doseCategory", "1回");
    items.put("lotNumber", "PN2026A");
    items.put("doseVolumeMl", "0.5");
    items.put("institutionId", "1110101");
    items.put("doctorId", "D1010101");
    items.put("placeId", "P01");
    items.put("doseDate", today().minusDays(1).toString());
    return post("staff1", "/api/doses", Map.of("items", items, "confirmWarnings", confirm));
  }

  @Test
  void aRecordedQualifyingDisabilityMakesTheBClassVaccinesRoutineUntilItEnds() throws Exception {
    pneumococcal("UPCOMING");
    registerPneumococcal(false).andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.fields.doseDate", containsString("E034")));

    String body = recordQualification(Map.of("impairment", "HEART", "evidence", "DISABILITY_CERTIFICATE",
            "evidenceSeenOn", today().toString()))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    long id = json.readTree(body).path("id").asLong();

    pneumococcal("ELIGIBLE").andExpect(jsonPath("$.bClassQualifications[0].impairmentLabel").value("心臓機能障害"))
        .andExpect(jsonPath("$.bClassQualifications[0].endedOn").doesNotExist());
    registerPneumococcal(false).andExpect(status().isCreated());
    assertThat(jdbc.queryForObject("select error_code from dose_record where resident_id = ?", String.class,
        residentId)).isNull();
    assertThat(jdbc.queryForObject("select count(*) from audit_event where resident_id = ? and operation = ?",
        Long.class, residentId, "B_CLASS_QUALIFICATION_RECORDED")).isOne();

    post("staff2", "/api/residents/" + residentId + "/b-class-qualifications/" + id + "/end", Map.of("reason", " "))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.reason").exists());
    post("staff2", "/api/residents/" + residentId + "/b-class-qualifications/" + id + "/end",
        Map.of("reason", "長".repeat(501))).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.reason").exists());
    post("staff2", "/api/residents/" + residentId + "/b-class-qualifications/" + id + "/end",
        Map.of("reason", "手帳の等級変更（2級）を確認")).andExpect(status().isNoContent());
    // Completed now (the dose above), so look at the record itself: ended, kept, no longer in force.
    assertThat(jdbc.queryForMap("select ended_by, end_reason from b_class_qualification where id = ?", id))
        .containsEntry("ended_by", "staff2").containsEntry("end_reason", "手帳の等級変更（2級）を確認");
    assertThat(context.getBean(BClassQualifications.class).holds(residentId)).isFalse();
  }

  @Test
  void badInputAndAnotherResidentsRecordChangeNothing() throws Exception {
    recordQualification(Map.of("impairment", "HEART", "evidence", "DISABILITY_CERTIFICATE",
            "evidenceSeenOn", today().plusDays(1).toString()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.evidenceSeenOn", containsString("未来")));
    recordQualification(Map.of("evidence", "DISABILITY_CERTIFICATE")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.impairment").exists()).andExpect(jsonPath("$.fields.evidenceSeenOn").exists());
    recordQualification(Map.of("impairment", "LIVER", "evidence", "DISABILITY_CERTIFICATE",
        "evidenceSeenOn", today().toString())).andExpect(status().isBadRequest());
    assertThat(jdbc.queryForObject("select count(*) from b_class_qualification where resident_id = ?", Long.class,
        residentId)).isZero();

    Map<String, Object> kidney = Map.of("impairment", "KIDNEY", "evidence", "MEDICAL_CERTIFICATE",
        "evidenceSeenOn", today().toString());
    String body = recordQualification(kidney).andExpect(status().isCreated()).andReturn().getResponse()
        .getContentAsString();
    recordQualification(kidney).andExpect(status().isConflict());
    long id = json.readTree(body).path("id").asLong();

    long other = resident();
    post("staff1", "/api/residents/" + other + "/b-class-qualifications/" + id + "/end", Map.of("reason", "誤り"))
        .andExpect(status().isNotFound());
    mvc.perform(MockMvcRequestBuilders.post(
            "/api/residents/" + residentId + "/b-class-qualifications").with(users.as("manager1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(kidney)))
        .andExpect(status().isForbidden());
    assertThat(context.getBean(BClassQualifications.class).holds(residentId)).isTrue();
  }
}
