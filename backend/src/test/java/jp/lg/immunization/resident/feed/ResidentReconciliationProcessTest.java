package jp.lg.immunization.resident.feed;

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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.resident.feed.FeedFixture.Person;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * ResidentReconciliation: a full extract compared with the register held here lists every difference for staff, who
 * apply or explain each before the reconciliation closes; nothing is overwritten before they do.
 */
@IntegrationTest
class ResidentReconciliationProcessTest {

  static final String IMPORT = "/api/residents/feed/files";
  static final String RECONCILE = "/api/residents/feed/reconciliations";
  static final LocalDate DAY = LocalDate.of(2025, 4, 1);

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired ProcessDriver driver;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  FeedFixture feed;
  String source;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    feed = new FeedFixture(context);
    // A register system of its own, so that the other tests' residents are not expected in this extract.
    source = "照合試験" + serial();
  }

  @Test
  void R01_everyDifferenceWaitsForStaffToApplyOrExplainItAndNothingChangesBefore() throws Exception {
    Person same = person(LocalDate.of(1970, 1, 1));
    Person moved = person(LocalDate.of(1971, 1, 1));
    Person unknownHere = person(LocalDate.of(1972, 1, 1));
    Person notInExtract = person(LocalDate.of(1973, 1, 1));
    feed.deliver(IMPORT, source, file(same.moveIn(serial(), DAY), moved.moveIn(serial(), DAY),
        notInExtract.moveIn(serial(), DAY)));

    LocalDate asOf = DAY.plusDays(60);
    JsonNode extract = feed.deliver(RECONCILE, source, file(
        same.line(serial(), "全件", DAY, null, "熊谷市宮町一丁目1番1号"),
        moved.line(serial(), "全件", asOf, null, "熊谷市別の町9番"),
        unknownHere.line(serial(), "全件", asOf, null, "熊谷市宮町一丁目1番1号")));
    long id = extract.path("id").asLong();
    ProcessInstance instance = feed.instance(id);

    assertThat(instance).isWaitingAt("ResolveReconciliationDifferences");
    Map<String, JsonNode> byNumber = new HashMap<>();
    json.readTree(mvc.perform(get(RECONCILE + "/" + id + "/differences").with(users.as("staff1")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
        .forEach(difference -> byNumber.put(difference.path("addresseeNumber").asText(), difference));
    assertThat(byNumber).containsOnlyKeys(moved.addresseeNumber(), unknownHere.addresseeNumber(),
        notInExtract.addresseeNumber());
    assertThat(byNumber.get(moved.addresseeNumber()).path("kind").asText()).isEqualTo("CHANGED");
    assertThat(byNumber.get(moved.addresseeNumber()).path("changedItems").toString()).isEqualTo("[\"address\"]");
    assertThat(byNumber.get(unknownHere.addresseeNumber()).path("kind").asText()).isEqualTo("MISSING");
    assertThat(byNumber.get(notInExtract.addresseeNumber()).path("kind").asText()).isEqualTo("EXTRA");
    assertThat(address(moved)).as("nothing is overwritten silently").isEqualTo("熊谷市宮町一丁目1番1号");

    driver.completeRequest("staff1", driver.claim("staff1", instance, "ResolveReconciliationDifferences"),
            Map.of("note", "照合完了"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("differences_open"));

    resolve(id, byNumber.get(moved.addresseeNumber()), "apply", null).andExpect(status().isNoContent());
    resolve(id, byNumber.get(unknownHere.addresseeNumber()), "apply", null).andExpect(status().isNoContent());
    resolve(id, byNumber.get(notInExtract.addresseeNumber()), "explain", Map.of("note", " "))
        .andExpect(status().isBadRequest());
    resolve(id, byNumber.get(notInExtract.addresseeNumber()), "explain", Map.of("note", "転出届の処理待ち（住民記録係に確認済み）"))
        .andExpect(status().isNoContent());
    resolve(id, byNumber.get(moved.addresseeNumber()), "apply", null).andExpect(status().isConflict());

    assertThat(address(moved)).isEqualTo("熊谷市別の町9番");
    assertThat(jdbc.queryForObject("select status from resident where addressee_number = ?", String.class,
        unknownHere.addresseeNumber())).isEqualTo("REGISTERED");
    assertThat(jdbc.queryForObject("select status from resident where addressee_number = ?", String.class,
        notInExtract.addresseeNumber())).as("explained, not applied").isEqualTo("REGISTERED");
    assertThat(jdbc.queryForObject("""
        select feed_file_id from resident_change c join resident r on r.id = c.resident_id
        where r.addressee_number = ? and c.kind = 'REGISTERED_FROM_EXTRACT'""", Long.class,
        moved.addresseeNumber())).isEqualTo(id);

    driver.complete("staff1", instance, "ResolveReconciliationDifferences", Map.of("note", "照合完了"));
    assertThat(instance).isEnded().hasPassed("Reconciled");
    assertThat(jdbc.queryForObject("select status from resident_feed_file where id = ?", String.class, id))
        .isEqualTo("RECONCILED");
  }

  @Test
  void R01_aPersonalNumberOtherThanTheOneHeldIsListedAsAChangedItem() throws Exception {
    Person held = person(LocalDate.of(1981, 1, 1));
    feed.deliver(IMPORT, source, file(held.moveIn(serial(), DAY)));
    Person renumbered = new Person(held.addresseeNumber(), held.integratedNumber(),
        person(held.birthDate()).myNumber(), held.birthDate());

    long id = feed.deliver(RECONCILE, source,
        file(renumbered.line(serial(), "全件", DAY, null, "熊谷市宮町一丁目1番1号"))).path("id").asLong();

    JsonNode differences = json.readTree(mvc.perform(get(RECONCILE + "/" + id + "/differences")
        .with(users.as("staff1"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(differences).hasSize(1);
    assertThat(differences.get(0).path("kind").asText()).isEqualTo("CHANGED");
    assertThat(differences.get(0).path("changedItems").toString()).isEqualTo("[\"myNumber\"]");
    assertThat(differences.toString()).doesNotContain(renumbered.myNumber().digits())
        .doesNotContain(held.myNumber().digits());
  }

  @Test
  void anExtractThatMatchesTheRegisterClosesWithoutATask() throws Exception {
    Person same = person(LocalDate.of(1980, 1, 1));
    feed.deliver(IMPORT, source, file(same.moveIn(serial(), DAY)));
    JsonNode extract = feed.deliver(RECONCILE, source,
        file(same.line(serial(), "全件", DAY, null, "熊谷市宮町一丁目1番1号")));

    assertThat(feed.instance(extract.path("id").asLong())).isEnded().hasPassed("CompareWithRegister", "Reconciled")
        .hasNotPassed("ResolveReconciliationDifferences");
  }

  private String address(Person person) {
    return jdbc.queryForObject("select address from resident where addressee_number = ?", String.class,
        person.addresseeNumber());
  }

  private org.springframework.test.web.servlet.ResultActions resolve(long id, JsonNode difference, String action,
                                                                      Object body) throws Exception {
    return driver.perform("staff1", post(RECONCILE + "/" + id + "/differences/" + difference.path("seq").asInt() + "/"
        + action), body == null ? Map.of() : body);
  }
}
