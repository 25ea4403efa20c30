package jp.lg.immunization.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R10: the operation log searched by user, resident (宛名番号), operation and period, each alone and all at once,
 * page by page. R12: its CSV export holds no 個人番号 and is itself audited with its filter and row count.
 * Events are written in June 2026, where no other test writes any.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditChain chain;
  @Autowired TransactionTemplate transactions;
  @Autowired ObjectMapper json;

  String userA;
  String userB;
  long resident1;
  long resident2;
  String number1;

  @BeforeAll
  void eventsOfTwoUsersAboutTwoResidents() {
    PastEvents past = new PastEvents(jdbc, transactions, chain);
    userA = PastEvents.user("r10a");
    userB = PastEvents.user("r10b");
    List<Map<String, Object>> residents = jdbc.queryForList(
        "select id, addressee_number from resident where my_number_hash is not null order by id limit 2");
    resident1 = ((Number) residents.get(0).get("id")).longValue();
    resident2 = ((Number) residents.get(1).get("id")).longValue();
    number1 = (String) residents.get(0).get("addressee_number");
    past.at("2026-06-01T10:00", userA, AuditOperation.RESIDENT_VIEW, resident1);
    past.at("2026-06-02T10:00", userA, AuditOperation.RESIDENT_VIEW, resident2);
    past.at("2026-06-02T11:00", userA, AuditOperation.MY_NUMBER_REVEAL, resident1);
    past.at("2026-06-02T12:00", userB, AuditOperation.RESIDENT_VIEW, resident1);
    // 00:30 in Japan is still the day before in UTC: it belongs to June 3.
    past.at("2026-06-03T00:30", userA, AuditOperation.RESIDENT_VIEW, resident1);
  }

  @Test
  void R10_eachFilterAloneAndAllFourTogether() throws Exception {
    assertThat(search(Map.of("username", userA))).hasSize(4).allMatch(e -> e.path("username").asText().equals(userA));
    assertThat(search(Map.of("addresseeNumber", number1, "from", "2026-06-01", "to", "2026-06-03")))
        .hasSize(4).allMatch(e -> e.path("residentId").asLong() == resident1
            && e.path("addresseeNumber").asText().equals(number1));
    assertThat(search(Map.of("operation", "MY_NUMBER_REVEAL", "from", "2026-06-01", "to", "2026-06-03")))
        .extracting(e -> e.path("username").asText()).containsExactly(userA);
    assertThat(search(Map.of("from", "2026-06-02", "to", "2026-06-02")))
        .as("June 2 in Japan, not in UTC").hasSize(3)
        .extracting(e -> e.path("occurredAt").asText()).doesNotContain("2026-06-02T15:30:00Z");
    assertThat(search(Map.of("username", userA, "addresseeNumber", number1, "operation", "RESIDENT_VIEW",
        "from", "2026-06-01", "to", "2026-06-02")))
        .extracting(e -> e.path("occurredAt").asText()).containsExactly("2026-06-01T01:00:00Z");
  }

  @Test
  void R10_pagesNewestFirst() throws Exception {
    JsonNode first = page(Map.of("username", userA), 0, 3);
    JsonNode second = page(Map.of("username", userA), 1, 3);
    assertThat(first.path("total").asLong()).isEqualTo(4);
    assertThat(first.path("items")).hasSize(3);
    assertThat(second.path("items")).hasSize(1);
    List<Long> ids = new ArrayList<>();
    first.path("items").forEach(e -> ids.add(e.path("id").asLong()));
    second.path("items").forEach(e -> ids.add(e.path("id").asLong()));
    assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
  }

  @Test
  void R10_badCriteriaAreRefusedWithAJapaneseMessage() throws Exception {
    call("/api/audit/events/search", Map.of("filter", Map.of("addresseeNumber", "9999999999")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.addresseeNumber").value("この宛名番号の住民は登録されていません"));
    call("/api/audit/events/search", Map.of("filter", Map.of("from", "2026-06-03", "to", "2026-06-01")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.to").value("終了日は開始日以降の日付にしてください"));
    call("/api/audit/events/search", Map.of("filter", Map.of("addresseeNumber", "12ab")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields['filter.addresseeNumber']").value("宛名番号は数字10桁以内で入力してください"));
  }

  @Test
  void R12_exportIsACsvOfTheSearchWithoutMyNumberAndIsAuditedWithItsRowCount() throws Exception {
    MockHttpServletResponse response = call("/api/audit/events/export",
        Map.of("filter", Map.of("username", userA), "encoding", "UTF8_BOM"))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Row-Count", "4"))
        .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
        .andReturn().getResponse();
    byte[] bytes = response.getContentAsByteArray();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo(
        "\"記録ID\",\"日時\",\"日時（西暦）\",\"ユーザーID\",\"操作\",\"宛名番号\",\"端末アドレス\",\"詳細\"");
    assertThat(lines.get(1)).contains("\"令和8年6月3日 0:30\"", "\"2026-06-03 00:30:00\"", "\"" + userA + "\"",
        "\"RESIDENT_VIEW\"", "\"" + number1 + "\"");
    assertThat(lines).anyMatch(line -> line.contains("MY_NUMBER_REVEAL"));
    assertThat(String.join("\n", lines)).doesNotContainPattern("\\d{12}");

    String audited = jdbc.queryForObject("""
        select detail from audit_event where operation = 'AUDIT_EXPORT' and username = 'auditor1'
        order by id desc limit 1""", String.class);
    assertThat(audited).contains("user=" + userA, "rows=4", "encoding=UTF8_BOM");
  }

  @Test
  void R12_exportInShiftJisAndForOneResidentNamesTheResidentInTheAuditedEvent() throws Exception {
    byte[] bytes = call("/api/audit/events/export", Map.of("filter", Map.of("addresseeNumber", number1, "from",
        "2026-06-01", "to", "2026-06-03"), "encoding", "SHIFT_JIS"))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Row-Count", "4"))
        .andReturn().getResponse().getContentAsByteArray();
    String text = new String(bytes, Charset.forName("windows-31j"));
    assertThat(text).startsWith("\"記録ID\",\"日時\"").contains(number1);
    assertThat(jdbc.queryForObject("""
        select resident_id from audit_event where operation = 'AUDIT_EXPORT' order by id desc limit 1""", Long.class))
        .isEqualTo(resident1);
  }

  private List<JsonNode> search(Map<String, String> filter) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    page(filter, 0, 200).path("items").forEach(items::add);
    return items;
  }

  private JsonNode page(Map<String, String> filter, int page, int size) throws Exception {
    String body = call("/api/audit/events/search", Map.of("filter", filter, "page", page, "size", size))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body);
  }

  @Test
  void R12_anAuditorWithoutTheExportPermissionGetsNoFileAndTheRefusalIsAudited() throws Exception {
    String auditor = users.newStaffAccount("auditor-no-export", "Auditor-Pass-2026!");
    jdbc.update("update app_user set roles = array['AUDITOR'], department_code = 'system' where username = ?", auditor);
    mvc.perform(post("/api/audit/events/export").with(csrf()).with(users.as(auditor))
            .contentType(MediaType.APPLICATION_JSON).content("{\"filter\":{},\"encoding\":\"UTF8_BOM\"}"))
        .andExpect(status().isForbidden());
    assertThat(jdbc.queryForObject("""
        select detail from audit_event where operation = 'PERMISSION_REFUSED' and username = ? order by id desc limit 1""",
        String.class, auditor)).isEqualTo("request=POST /api/audit/events/export");
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'AUDIT_EXPORT' and username = ?",
        Integer.class, auditor)).isZero();
  }

  private ResultActions call(String path, Object body) throws Exception {
    return mvc.perform(post(path).with(csrf()).with(users.as("auditor1")).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(body)));
  }
}
