package jp.lg.immunization.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The auditor's view of who looked at one resident's record. */
@IntegrationTest
class ResidentAccessLogApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;

  @Test
  void R10_anAuditorSeesWhoViewedAResidentsRecordAndThatLookIsAuditedToo() throws Exception {
    Map<String, Object> resident = jdbc.queryForMap("select id, addressee_number from resident order by id desc limit 1");
    long id = ((Number) resident.get("id")).longValue();
    mvc.perform(get("/api/residents/" + id + "/case").with(users.as("staff3"))).andExpect(status().isOk());

    accessLog("auditor1", (String) resident.get("addressee_number")).andExpect(status().isOk())
        .andExpect(jsonPath("$.resident.id").value(id))
        .andExpect(jsonPath("$.resident.myNumber").doesNotExist())
        .andExpect(jsonPath("$.accesses[0].username").value("staff3"))
        .andExpect(jsonPath("$.accesses[0].operation").value("RESIDENT_VIEW"));
    assertThat(jdbc.queryForObject("""
        select count(*) from audit_event where operation = 'AUDIT_SEARCH' and username = 'auditor1' and resident_id = ?""",
        Long.class, id)).isEqualTo(1);
    accessLog("auditor1", (String) resident.get("addressee_number"))
        .andExpect(jsonPath("$.accesses[*].username").value(hasItem("auditor1")));
  }

  @Test
  void onlyAuditorsReadTheAccessLogAndAnUnknownNumberIsAFieldError() throws Exception {
    accessLog("staff1", "1").andExpect(status().isForbidden());
    accessLog("super1", "1").andExpect(status().isForbidden());
    accessLog("auditor1", "9999999999").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.addresseeNumber").exists());
    accessLog("auditor1", "abc").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.addresseeNumber").exists());
  }

  private ResultActions accessLog(String username, String addresseeNumber) throws Exception {
    return mvc.perform(post("/api/residents/access-log").with(users.as(username)).with(csrf())
        .contentType(MediaType.APPLICATION_JSON).content("{\"addresseeNumber\":\"" + addresseeNumber + "\"}"));
  }
}
