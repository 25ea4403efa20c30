package jp.lg.immunization.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Residents the register says moved out or died get no 予診票, even when staff ask for them by their status. */
@IntegrationTest
class QuestionnairesAfterLeavingTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void questionnairesAreRefusedForResidentsWhoMovedOutOrDied() throws Exception {
    long sheets = jdbc.queryForObject("select count(*) from questionnaire_issuance", Long.class);
    for (String left : List.of("MOVED_OUT", "DECEASED")) {
      mvc.perform(post("/api/outreach/questionnaires").with(users.as("staff1")).with(csrf())
              .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("criteria", Map.of(
                  "ageUnit", "YEARS", "ageFrom", 0, "ageTo", 6, "vaccine", "MR", "statuses", List.of("ELIGIBLE"),
                  "residentStatuses", List.of("REGISTERED", left))))))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.fields.residentStatuses").value("「住民」または「住登外」を選んでください"));
    }
    assertThat(jdbc.queryForObject("select count(*) from questionnaire_issuance", Long.class)).isEqualTo(sheets);
  }
}
