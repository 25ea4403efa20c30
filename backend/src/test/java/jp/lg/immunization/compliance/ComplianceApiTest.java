package jp.lg.immunization.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Auditors read the compliance report under 監査ログ and take it as CSV and PDF; other roles cannot; every showing is
 * audited. (Which controls are proven depends on the build that runs the test, so only the shape is checked here.)
 */
@IntegrationTest
class ComplianceApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;

  @Test
  void R10_auditorsSeeEveryControlWithItsTextImplementationAndVerdictAlsoAsCsvAndPdf() throws Exception {
    long before = jdbc.queryForObject("select count(*) from audit_event where operation = 'COMPLIANCE_REPORT'",
        Long.class);
    mvc.perform(get("/api/audit/compliance").with(users.as("auditor1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.controls.length()").value(33))
        .andExpect(jsonPath("$.controls[12].id").value("R13"))
        .andExpect(jsonPath("$.controls[12].implementedBy[0]").value(org.hamcrest.Matchers.containsString("OutsideProvision")))
        .andExpect(jsonPath("$.controls[0].verdict").exists())
        .andExpect(jsonPath("$.build.summaryPackaged").isBoolean());
    byte[] csv = mvc.perform(get("/api/audit/compliance/csv").with(users.as("auditor1"))).andExpect(status().isOk())
        .andExpect(header().string("X-Row-Count", "33")).andReturn().getResponse().getContentAsByteArray();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n")).hasSize(35);
    assertThat(text).contains("\"R33\"", "\"判定\"");
    byte[] pdf = mvc.perform(get("/api/audit/compliance/pdf").with(users.as("auditor1"))).andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf")).andReturn().getResponse().getContentAsByteArray();
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'COMPLIANCE_REPORT'",
        Long.class)).isEqualTo(before + 3);
  }

  @Test
  void R07_otherRolesCannotReadTheReport() throws Exception {
    for (String user : new String[] {"staff1", "super1", "manager1", "admin1"}) {
      mvc.perform(get("/api/audit/compliance").with(users.as(user))).andExpect(status().isForbidden());
    }
  }
}
