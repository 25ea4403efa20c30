package jp.lg.immunization.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** 個人番号 is shown unmasked only to a user with the permission for it, one resident at a time, and audited. */
@IntegrationTest
class MyNumberRevealApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  long residentId;
  MyNumber number;

  @BeforeEach
  void aResidentWithAMyNumber() {
    ResidentFixtures fixtures = new ResidentFixtures(context);
    residentId = fixtures.insert(new ResidentFixtures.Person("番号", "表示", "バンゴウ", "ヒョウジ",
        LocalDate.of(1980, 4, 1), Sex.FEMALE, "360-0001", "埼玉県架空市本町1丁目2番3号", "REGISTERED"));
    number = MyNumber.withCheckDigit(String.format("7%010d", residentId));
    fixtures.giveMyNumber(residentId, number);
  }

  @Test
  void R06_aUserWithThePermissionSeesTheNumberUnmaskedAndTheRevealIsAudited() throws Exception {
    reveal("super1").andExpect(status().isOk())
        .andExpect(jsonPath("$.myNumber").value(number.digits()))
        .andExpect(header().string("Cache-Control", "no-store"));
    assertThat(audits("MY_NUMBER_REVEAL", "super1")).isEqualTo(1);
    mvc.perform(get("/api/residents/" + residentId + "/case").with(users.as("super1")))
        .andExpect(jsonPath("$.resident.myNumberMasked").value(ResidentViews.MY_NUMBER_MASK));
  }

  @Test
  void R06_everyoneElseIsRefusedAndTheRefusalIsAuditedToo() throws Exception {
    reveal("staff2").andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("permission_required"))
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("個人番号の表示")));
    reveal("manager1").andExpect(status().isForbidden());
    reveal("auditor1").andExpect(status().isForbidden());
    assertThat(audits("PERMISSION_REFUSED", "staff2")).isPositive();
    assertThat(audits("MY_NUMBER_REVEAL", "staff2")).isZero();
  }

  private ResultActions reveal(String username) throws Exception {
    return mvc.perform(post("/api/residents/" + residentId + "/my-number").with(users.as(username)).with(csrf()));
  }

  private long audits(String operation, String username) {
    return jdbc.queryForObject("select count(*) from audit_event where operation = ? and username = ? and "
        + "(resident_id = ? or resident_id is null)", Long.class, operation, username, residentId);
  }
}
