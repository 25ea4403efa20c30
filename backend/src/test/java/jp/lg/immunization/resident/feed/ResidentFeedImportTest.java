package jp.lg.immunization.resident.feed;

import static jp.lg.immunization.resident.feed.FeedFixture.file;
import static jp.lg.immunization.resident.feed.FeedFixture.person;
import static jp.lg.immunization.resident.feed.FeedFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.resident.MyNumber;
import jp.lg.immunization.resident.ResidentFixtures;
import jp.lg.immunization.resident.Sex;
import jp.lg.immunization.resident.feed.FeedFixture.Person;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R01, R03: files of the resident register feed through every path of ResidentFeedImport — checked line by line,
 * applied all at once in 異動日 order, refused when repeated, reviewed when a line is wrong — and what each kind of
 * 異動 does to the register.
 */
@IntegrationTest
class ResidentFeedImportTest {

  static final LocalDate DAY = LocalDate.of(2025, 4, 1);

  @Autowired ApplicationContext context;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplyResidentFeed applyResidentFeed;

  FeedFixture feed;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    feed = new FeedFixture(context);
  }

  @Test
  void R01_aMoveInFromTheFeedRegistersTheResidentWithItsSourceSystemAndIsAudited() throws Exception {
    Person person = person(LocalDate.of(2024, 5, 10));
    JsonNode summary = feed.deliver(file(person.moveIn(serial(), DAY)));

    ProcessInstance instance = feed.instance(summary.path("id").asLong());
    assertThat(instance).isEnded().hasPassed("CheckFeedFile", "ApplyFeedFile", "FeedFileApplied")
        .hasNotPassed("ReviewRejectedFeedLines");
    Map<String, Object> resident = resident(person);
    assertThat(resident).containsEntry("status", "REGISTERED").containsEntry("source", "RESIDENT_REGISTER_FEED")
        .containsEntry("source_system", "住民記録システム").containsEntry("address", "熊谷市宮町一丁目1番1号")
        .containsEntry("integrated_addressee_number", person.integratedNumber());
    assertThat(resident.get("status_since").toString()).isEqualTo(DAY.toString());
    assertThat(jdbc.queryForMap("""
        select kind, source, source_system, feed_file_id, feed_line, outcome, after_items::text after
        from resident_change where resident_id = ?""", resident.get("id")))
        .containsEntry("kind", "MOVED_IN").containsEntry("source", "RESIDENT_REGISTER_FEED")
        .containsEntry("source_system", "住民記録システム").containsEntry("feed_line", 2)
        .containsEntry("outcome", "APPLIED")
        .satisfies(change -> assertThat((String) change.get("after")).contains("********" + person.myNumber()
            .digits().substring(8)).doesNotContain(person.myNumber().digits()));
    assertThat(jdbc.queryForObject("""
        select count(*) from audit_event where operation = 'RESIDENT_REGISTER_CHANGE' and resident_id = ?
          and detail like 'MOVED_IN source RESIDENT_REGISTER_FEED 住民記録システム file %'""", Long.class,
        resident.get("id"))).isOne();
    mvc.perform(get("/api/residents/feed/files/" + summary.path("id").asLong()).with(users.as("staff2")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPLIED"))
        .andExpect(jsonPath("$.statusLabel").value("反映済み"))
        .andExpect(jsonPath("$.checkedLines").value(1)).andExpect(jsonPath("$.appliedLines").value(1));
    assertThat(jdbc.queryForObject("select content from resident_feed_file where id = ?", byte[].class,
        summary.path("id").asLong())).as("the file is not kept once applied").isNull();
  }

  @Test
  void R01_aShiftJisFileOfEveryKindOfChangeIsAppliedInTheOrderOfItsDates() throws Exception {
    Person parent = person(LocalDate.of(1990, 1, 2));
    Person child = person(LocalDate.of(2025, 5, 1));
    Person leaving = person(LocalDate.of(1980, 3, 3));
    Person dying = person(LocalDate.of(1930, 3, 3));
    feed.deliver(file(parent.moveIn(serial(), DAY), leaving.moveIn(serial(), DAY), dying.moveIn(serial(), DAY)));
    var newNumber = jp.lg.immunization.resident.MyNumber.withCheckDigit("99887766554");
    byte[] changes = file(Charset.forName("windows-31j"),
        // Written out of date order on purpose: the 転居 of 5/20 must end up over the one of 5/10.
        parent.line(serial(), "転居", DAY.plusDays(49), DAY.plusDays(49), "熊谷市筑波二丁目2番2号"),
        parent.line(serial(), "転居", DAY.plusDays(39), DAY.plusDays(39), "熊谷市本町三丁目3番3号"),
        child.line(serial(), "出生", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 8), "熊谷市筑波二丁目2番2号"),
        String.join(",", serial(), "氏名変更", "2025-06-01", "2025-06-01", parent.addresseeNumber(), "", "", "",
            "髙橋", "太郎", "タカハシ", "タロウ", "", "", "", "", "", "", "", ""),
        String.join(",", serial(), "世帯変更", "2025-06-02", "2025-06-02", parent.addresseeNumber(), "", "", "",
            "", "", "", "", "", "", "", "", "", "H999", "妻", "髙橋 花子"),
        String.join(",", serial(), "住民票コード変更", "2025-06-03", "", parent.addresseeNumber(), "", "12345678901",
            "", "", "", "", "", "", "", "", "", "", "", "", ""),
        String.join(",", serial(), "個人番号変更", "2025-06-04", "2025-06-04", parent.addresseeNumber(), "", "",
            newNumber.digits(), "", "", "", "", "", "", "", "", "", "", "", ""),
        leaving.bare(serial(), "転出", LocalDate.of(2025, 6, 5)),
        dying.bare(serial(), "死亡", LocalDate.of(2025, 6, 6)));

    JsonNode summary = feed.deliver(changes);

    assertThat(summary.path("encoding").asText()).isEqualTo("SHIFT_JIS");
    Map<String, Object> after = resident(parent);
    assertThat(after).containsEntry("address", "熊谷市筑波二丁目2番2号").containsEntry("family_name_kanji", "髙橋")
        .containsEntry("family_name_kana", "タカハシ").containsEntry("household_number", "H999")
        .containsEntry("relationship", "妻").containsEntry("resident_code", "12345678901");
    assertThat((String) after.get("search_text")).contains("タカハシ");
    assertThat(jdbc.queryForObject("select count(*) from resident where my_number_hash = ("
        + "select my_number_hash from resident where id = ?)", Long.class, after.get("id"))).isOne();
    assertThat(resident(child)).containsEntry("status", "REGISTERED").containsEntry("birth_date",
        java.sql.Date.valueOf("2025-05-01"));
    assertThat(resident(leaving)).containsEntry("status", "MOVED_OUT")
        .containsEntry("status_since", java.sql.Date.valueOf("2025-06-05"));
    assertThat(resident(dying)).containsEntry("status", "DECEASED")
        .containsEntry("status_since", java.sql.Date.valueOf("2025-06-06"));
    assertThat(jdbc.queryForList("select outcome from resident_change where resident_id = ?"
        + " and kind = 'ADDRESS_CHANGED' order by moved_on", String.class, after.get("id")))
        .containsExactly("APPLIED", "APPLIED");
  }

  @Test
  void R01_aChangeThatArrivesAfterALaterOneIsRecordedButChangesNothing() throws Exception {
    Person person = person(LocalDate.of(1985, 7, 7));
    feed.deliver(file(person.moveIn(serial(), DAY)));
    feed.deliver(file(person.line(serial(), "転居", DAY.plusDays(20), DAY.plusDays(20), "熊谷市新しい町1番")));
    JsonNode late = feed.deliver(file(person.line(serial(), "転居", DAY.plusDays(10), DAY.plusDays(10), "熊谷市古い町1番"),
        person.bare(serial(), "転出", DAY.plusDays(30))));

    assertThat(resident(person)).containsEntry("address", "熊谷市新しい町1番").containsEntry("status", "MOVED_OUT");
    mvc.perform(get("/api/residents/feed/files/" + late.path("id").asLong()).with(users.as("staff1")))
        .andExpect(jsonPath("$.appliedLines").value(1)).andExpect(jsonPath("$.supersededLines").value(1));
    assertThat(jdbc.queryForObject("""
        select outcome from resident_change where resident_id = ? and moved_on = ?""", String.class,
        resident(person).get("id"), java.sql.Date.valueOf(DAY.plusDays(10)))).isEqualTo("SUPERSEDED");
  }

  @Test
  void R01_theSameFileTwiceIsRefusedAndAChangeDeliveredAgainIsAppliedOnce() throws Exception {
    Person person = person(LocalDate.of(1975, 1, 1));
    String moveIn = person.moveIn(serial(), DAY);
    byte[] content = file(moveIn);
    feed.deliver(content);
    long files = jdbc.queryForObject("select count(*) from resident_feed_file", Long.class);

    feed.upload("staff2", content).andExpect(status().isConflict())
        .andExpect(jsonPath("$.error").value("duplicate_file"))
        .andExpect(jsonPath("$.message", containsString("受信済み")));
    assertThat(jdbc.queryForObject("select count(*) from resident_feed_file", Long.class)).isEqualTo(files);

    // The same 異動 in another file (a resent delivery with one more line) changes nothing twice.
    Person other = person(LocalDate.of(1976, 1, 1));
    JsonNode again = feed.deliver(file(moveIn, other.moveIn(serial(), DAY)));
    mvc.perform(get("/api/residents/feed/files/" + again.path("id").asLong()).with(users.as("staff1")))
        .andExpect(jsonPath("$.status").value("APPLIED"))
        .andExpect(jsonPath("$.appliedLines").value(1)).andExpect(jsonPath("$.repeatedLines").value(1));
    assertThat(jdbc.queryForObject("select count(*) from resident_change where resident_id = ?", Long.class,
        resident(person).get("id"))).isOne();
  }

  @Test
  void R01_anApplicationJobThatRunsTwiceAppliesNothingTwice() throws Exception {
    Person person = person(LocalDate.of(1977, 1, 1));
    JsonNode summary = feed.deliver(file(person.moveIn(serial(), DAY),
        person.line(serial(), "転居", DAY.plusDays(1), DAY.plusDays(1), "熊谷市二度目町1番")));
    DelegateExecution again = Mockito.mock(DelegateExecution.class);
    Mockito.when(again.getProcessBusinessKey()).thenReturn(summary.path("id").asText());

    applyResidentFeed.execute(again);

    assertThat(jdbc.queryForObject("select count(*) from resident_change where resident_id = ?", Long.class,
        resident(person).get("id"))).isEqualTo(2);
  }

  @Test
  void R03_aWrongLineIsKeptForReviewAndNothingOfTheFileIsAppliedUntilTheFileIsRefused() throws Exception {
    Person good = person(LocalDate.of(2000, 2, 2));
    Person wrongNumber = person(LocalDate.of(2000, 3, 3));
    String digits = wrongNumber.myNumber().digits();
    String badDigit = digits.substring(0, 11) + ((digits.charAt(11) - '0' + 1) % 10);
    JsonNode summary = feed.deliver(file(good.moveIn(serial(), DAY),
        wrongNumber.moveIn(serial(), DAY).replace(digits, badDigit),
        String.join(",", serial(), "引越", "2025-13-01", "", "12345", "", "", "", "", "", "", "", "", "", "", "", "",
            "", "", ""),
        person(LocalDate.of(2001, 1, 1)).bare(serial(), "転居", DAY)));
    long id = summary.path("id").asLong();
    ProcessInstance instance = feed.instance(id);

    assertThat(instance).isWaitingAt("ReviewRejectedFeedLines");
    assertThat(jdbc.queryForObject("select count(*) from resident where addressee_number = ?", Long.class,
        good.addresseeNumber())).as("nothing half-applied").isZero();
    String lines = mvc.perform(get("/api/residents/feed/files/" + id + "/lines").param("status", "REJECTED")
            .with(users.as("staff1")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.items[0].line").value(3))
        .andExpect(jsonPath("$.items[0].problems[0].code").value("E106"))
        .andExpect(jsonPath("$.items[0].problems[0].message").value("個人番号の検査用数字が正しくありません"))
        .andExpect(jsonPath("$.items[1].problems[*].code").value(org.hamcrest.Matchers.hasItems("E105", "E102")))
        .andExpect(jsonPath("$.items[2].problems[*].code").value(org.hamcrest.Matchers.hasItem("E110")))
        .andReturn().getResponse().getContentAsString();
    assertThat(lines).doesNotContain(badDigit).doesNotContain(digits);

    driver.complete("staff2", instance, "ReviewRejectedFeedLines",
        Map.of("feedDecision", "REFUSE", "note", "住民記録係に再送を依頼した"));
    assertThat(instance).isEnded().hasPassed("FeedFileRefused");
    assertThat(jdbc.queryForMap("select status, reviewed_by, review_note, content from resident_feed_file where id = ?",
        id)).containsEntry("status", "REFUSED").containsEntry("reviewed_by", "staff2")
        .containsEntry("review_note", "住民記録係に再送を依頼した").containsEntry("content", null);
    assertThat(jdbc.queryForObject("select count(*) from resident where addressee_number = ?", Long.class,
        good.addresseeNumber())).isZero();
  }

  @Test
  void R01_aChangeThatArrivesBeforeTheMoveInIsCheckedAgainOnceTheMoveInIsApplied() throws Exception {
    Person person = person(LocalDate.of(1995, 5, 5));
    JsonNode early = feed.deliver(file(person.line(serial(), "転居", DAY.plusDays(5), DAY.plusDays(5), "熊谷市後町1番")));
    ProcessInstance waiting = feed.instance(early.path("id").asLong());
    assertThat(waiting).isWaitingAt("ReviewRejectedFeedLines");

    feed.deliver(file(person.moveIn(serial(), DAY)));
    driver.complete("staff1", waiting, "ReviewRejectedFeedLines",
        Map.of("feedDecision", "RECHECK", "note", "転入のファイルが届いたので再検査"));
    feed.runJobs(waiting);

    assertThat(waiting).isEnded().hasPassed("FeedReviewDecision", "ApplyFeedFile", "FeedFileApplied");
    assertThat(resident(person)).containsEntry("address", "熊谷市後町1番");
  }

  @Test
  void R01_aNonResidentWhoMovesInBecomesARegisteredResidentUnderTheSameAddresseeNumber() throws Exception {
    ResidentFixtures fixtures = new ResidentFixtures(context);
    long id = fixtures.insert(new ResidentFixtures.Person("住登", "外子", "ジュウトウ", "ガイコ", LocalDate.of(1999, 9, 9),
        Sex.FEMALE, "360-0031", "東京都架空区一丁目1番", "NON_RESIDENT"));
    Person person = new Person(fixtures.addresseeNumber(id), null, MyNumber.withCheckDigit("86420864208"),
        LocalDate.of(1999, 9, 9));

    feed.deliver(file(person.moveIn(serial(), DAY)));

    assertThat(resident(person)).containsEntry("id", id).containsEntry("status", "REGISTERED")
        .containsEntry("source", "RESIDENT_REGISTER_FEED").containsEntry("address", "熊谷市宮町一丁目1番1号");
    assertThat(jdbc.queryForObject("select before_items->>'status' from resident_change where resident_id = ?",
        String.class, id)).isEqualTo("NON_RESIDENT");
  }

  @Test
  void aFileWithAWrongHeaderOrEncodingIsRefusedAtOnceAndStartsNothing() throws Exception {
    long files = jdbc.queryForObject("select count(*) from resident_feed_file", Long.class);
    feed.upload("staff1", "氏名,本籍\n山田,熊谷\n".getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("bad_header"))
        .andExpect(jsonPath("$.message", containsString("不明な項目名 氏名、本籍")))
        .andExpect(jsonPath("$.message", containsString("異動連番")));
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
            "/api/residents/feed/files").file(new org.springframework.mock.web.MockMultipartFile("file", "a.csv",
            "text/csv", file("x"))).param("encoding", "EBCDIC").with(users.as("staff1"))
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("bad_encoding"));
    feed.upload("manager1", file(person(DAY).moveIn(serial(), DAY))).andExpect(status().isForbidden());
    assertThat(jdbc.queryForObject("select count(*) from resident_feed_file", Long.class)).isEqualTo(files);
  }

  private Map<String, Object> resident(Person person) {
    return jdbc.queryForMap("select * from resident where addressee_number = ?", person.addresseeNumber());
  }
}
