package jp.lg.immunization.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The resident's case page: identity, household, doses, eligibility and the open steps about them. */
@IntegrationTest
class ResidentCaseApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessDriver driver;
  @Autowired JdbcTemplate jdbc;

  @Test
  void R04_showsTheWholeCaseOfAResidentAndAuditsTheViewOnce() throws Exception {
    Map<String, Object> child = jdbc.queryForMap("""
        select r.id, r.addressee_number, r.household_number from resident r
        where r.birth_date > current_date - interval '5 years'
          and (select count(*) from resident m where m.household_number = r.household_number) > 1
        order by r.id limit 1""");
    long id = ((Number) child.get("id")).longValue();
    jdbc.update("""
        insert into dose_record (vaccine, dose_category, resident_id, birth_date, sex, dose_date, lot_number)
        select 'BCG', '1回', id, birth_date, sex, birth_date + 180, 'KH123' from resident where id = ?""", id);
    driver.start("staff1", "InformationQuery", Map.of("addresseeNumber", child.get("addressee_number"),
        "informationItem", "VACCINATION_RECORD", "legalBasis", "ACT19_8_TABLE14", "purpose", "転入前の接種歴の確認"));
    long viewsBefore = views(id);

    mvc.perform(get("/api/residents/" + id + "/case").with(users.as("staff2"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.resident.id").value(id))
        .andExpect(jsonPath("$.resident.myNumberMasked").value(ResidentViews.MY_NUMBER_MASK))
        .andExpect(jsonPath("$.household[*].id", org.hamcrest.Matchers.not(hasItem((int) id))))
        .andExpect(jsonPath("$.household").isNotEmpty())
        .andExpect(jsonPath("$.doses[0].vaccine").value("BCG"))
        .andExpect(jsonPath("$.eligibility[?(@.vaccineCode == 'BCG')].status").value(hasItem("COMPLETED")))
        .andExpect(jsonPath("$.openTasks[*].name").value(hasItem("照会内容の承認（上長）")));
    assertThat(views(id)).isEqualTo(viewsBefore + 1);
  }

  @Test
  void anUnknownResidentIsA404AndOtherRolesAreRefused() throws Exception {
    mvc.perform(get("/api/residents/999999999/case").with(users.as("staff1"))).andExpect(status().isNotFound());
    mvc.perform(get("/api/residents/1/case").with(users.as("manager1"))).andExpect(status().isForbidden());
  }

  private long views(long residentId) {
    return jdbc.queryForObject("select count(*) from audit_event where operation = 'RESIDENT_VIEW' and resident_id = ?",
        Long.class, residentId);
  }
}
