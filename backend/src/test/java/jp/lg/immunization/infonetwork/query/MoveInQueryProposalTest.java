package jp.lg.immunization.infonetwork.query;

import static jp.lg.immunization.resident.feed.FeedFixture.file;
import static jp.lg.immunization.resident.feed.FeedFixture.person;
import static jp.lg.immunization.resident.feed.FeedFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.resident.feed.FeedFixture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 転入 from the register feed proposes to staff a 情報照会 of the doses given by the previous municipality, through
 * the register's event (no SQL across modules): staff start it pre-filled, and it still waits for a supervisor's
 * approval; or they dismiss it with a reason. A birth proposes nothing.
 */
@IntegrationTest
class MoveInQueryProposalTest {

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired ProcessDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired Clock clock;
  FeedFixture feed;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    feed = new FeedFixture(context);
  }

  @Test
  void aMoveInProposesAPrefilledQueryThatStaffStartAndASupervisorStillApproves() throws Exception {
    LocalDate movedIn = LocalDate.now(clock).minusDays(4);
    FeedFixture.Person arrived = person(LocalDate.of(2022, 3, 3));
    FeedFixture.Person born = person(LocalDate.now(clock).minusDays(10));
    feed.deliver(file(arrived.moveIn(serial(), movedIn),
        born.line(serial(), "出生", born.birthDate(), born.birthDate(), "熊谷市宮町一丁目1番1号")));

    JsonNode proposal = proposalOf(arrived.addresseeNumber());
    assertThat(proposal).isNotNull();
    assertThat(proposalOf(born.addresseeNumber())).as("a birth has no previous municipality").isNull();
    assertThat(proposal.path("movedInOn").asText()).isEqualTo(movedIn.toString());
    Map<String, Object> prefilled = parameters(proposal.path("startLink").asText());
    assertThat(prefilled).containsEntry("start", "InformationQuery")
        .containsEntry("addresseeNumber", arrived.addresseeNumber())
        .containsEntry("informationItem", "VACCINATION_RECORD").containsEntry("legalBasis", "ACT19_8_TABLE14");
    assertThat((String) prefilled.get("purpose")).contains("転入", movedIn.toString());

    prefilled.remove("start");
    ProcessInstance query = driver.start("staff1", InformationQueries.PROCESS_KEY, prefilled);

    assertThat(query).isWaitingAt("ApproveQuery").task().hasCandidateGroup("supervisor");
    assertThat(proposalOf(arrived.addresseeNumber())).as("taken up by the query").isNull();
    assertThat(jdbc.queryForMap("select status, decided_by from query_proposal where id = ?",
        proposal.path("id").asLong())).containsEntry("status", "STARTED").containsEntry("decided_by", "staff1");
  }

  @Test
  void staffDismissAProposalWithAReasonOnlyOnce() throws Exception {
    FeedFixture.Person arrived = person(LocalDate.of(2023, 5, 5));
    feed.deliver(file(arrived.moveIn(serial(), LocalDate.now(clock).minusDays(2))));
    long id = proposalOf(arrived.addresseeNumber()).path("id").asLong();

    driver.perform("staff1", post("/api/information-queries/proposals/" + id + "/dismiss"), Map.of("note", " "))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.note").exists());
    driver.perform("staff1", post("/api/information-queries/proposals/" + id + "/dismiss"),
        Map.of("note", "母子健康手帳で接種歴を確認済み")).andExpect(status().isNoContent());
    driver.perform("staff1", post("/api/information-queries/proposals/" + id + "/dismiss"),
        Map.of("note", "二度目")).andExpect(status().isConflict())
        .andExpect(jsonPath("$.error").value("proposal_closed"));

    assertThat(proposalOf(arrived.addresseeNumber())).isNull();
    assertThat(jdbc.queryForMap("select status, note from query_proposal where id = ?", id))
        .containsEntry("status", "DISMISSED").containsEntry("note", "母子健康手帳で接種歴を確認済み");
  }

  private JsonNode proposalOf(String addresseeNumber) throws Exception {
    JsonNode list = json.readTree(driver.perform("staff1", get("/api/information-queries/proposals"), null)
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    for (JsonNode proposal : list) {
      if (addresseeNumber.equals(proposal.path("addresseeNumber").asText())) {
        return proposal;
      }
    }
    return null;
  }

  private static Map<String, Object> parameters(String link) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
      String[] parts = pair.split("=", 2);
      parameters.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return parameters;
  }
}
