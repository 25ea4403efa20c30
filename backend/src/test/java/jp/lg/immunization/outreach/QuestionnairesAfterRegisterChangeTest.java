package jp.lg.immunization.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.resident.feed.FeedFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A 氏名変更 and a 転居 from the resident register feed: the next 予診票 carries the new name and address, while the one
 * issued before keeps what it said. A sheet is rendered once, when it is issued, and its issuance record holds no name
 * or address that a later change could rewrite.
 */
@IntegrationTest
class QuestionnairesAfterRegisterChangeTest {

  private static final String OLD_TOWN = "予診票旧住所町";
  private static final String NEW_TOWN = "予診票新住所町";

  @Autowired ApplicationContext context;
  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void theNextQuestionnaireUsesTheNewNameAndAddressAndTheEarlierOneKeepsTheOld() throws Exception {
    FeedFixture feed = new FeedFixture(context);
    LocalDate today = LocalDate.now(clock);
    FeedFixture.Person child = FeedFixture.person(today.minusMonths(18));
    feed.deliver(FeedFixture.file(line(child, FeedFixture.serial(), "転入", today.minusDays(20), "旧姓", "キュウセイ",
        "埼玉県熊谷市" + OLD_TOWN + "一丁目1番1号")));

    byte[] before = issue(OLD_TOWN);
    assertThat(text(before)).contains("旧姓 花子　様", "キュウセイ ハナコ", "熊谷市" + OLD_TOWN + "一丁目1番1号")
        .doesNotContain("新姓");

    feed.deliver(FeedFixture.file(
        line(child, FeedFixture.serial(), "氏名変更", today.minusDays(5), "新姓", "シンセイ", null),
        line(child, FeedFixture.serial(), "転居", today.minusDays(5), null, null,
            "埼玉県熊谷市" + NEW_TOWN + "二丁目2番2号")));

    String after = text(issue(NEW_TOWN));
    assertThat(after).contains("新姓 花子　様", "シンセイ ハナコ", "熊谷市" + NEW_TOWN + "二丁目2番2号")
        .doesNotContain("旧姓", OLD_TOWN);
    // The sheet handed out before still says what it said; nothing the register keeps can re-render it otherwise.
    assertThat(text(before)).contains("旧姓 花子　様", "熊谷市" + OLD_TOWN + "一丁目1番1号");
    assertThat(jdbc.queryForList("select column_name from information_schema.columns where table_name = ?",
        String.class, "questionnaire_issuance"))
        .doesNotContain("family_name_kanji", "given_name_kanji", "address", "postal_code");
    assertThat(jdbc.queryForObject("""
        select count(*) from questionnaire_issuance q join resident r on r.id = q.resident_id
        where r.addressee_number = ?""", Long.class, child.addresseeNumber())).isEqualTo(2);
  }

  private byte[] issue(String town) throws Exception {
    return mvc.perform(post("/api/outreach/questionnaires").with(users.as("staff3")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("criteria", Map.of(
                "ageUnit", "YEARS", "ageFrom", 1, "ageTo", 1, "districts", List.of(town), "vaccine", "MR",
                "statuses", List.of("ELIGIBLE"))))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
  }

  /** A line with the name (given name 花子) and the address when the 異動 carries them. */
  private static String line(FeedFixture.Person person, String serial, String event, LocalDate on, String family,
                             String familyKana, String address) {
    boolean whole = "転入".equals(event);
    return String.join(",", serial, event, on.toString(), on.toString(), person.addresseeNumber(), "", "",
        whole ? person.myNumber().digits() : "", family == null ? "" : family, family == null ? "" : "花子",
        familyKana == null ? "" : familyKana, familyKana == null ? "" : "ハナコ",
        whole ? person.birthDate().toString() : "", whole ? "女" : "", address == null ? "" : "360-0031",
        address == null ? "" : address, "", whole ? "H" + person.addresseeNumber().substring(1) : "",
        whole ? "世帯主" : "", whole ? "旧姓 花子" : "");
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
