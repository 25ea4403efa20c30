package jp.lg.immunization.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
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

@IntegrationTest
class ResidentSearchApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired MyNumberProtector protector;
  @Autowired org.springframework.context.ApplicationContext context;

  @Test
  void findsResidentsByAPartOfTheKanaOrKanjiNameTypedAnyWay() throws Exception {
    Map<String, Object> someone = jdbc.queryForMap(
        "select family_name_kanji, family_name_kana, given_name_kana from resident order by id limit 1");
    String kana = (String) someone.get("family_name_kana");
    String hiragana = kana.codePoints().map(c -> c >= 'ァ' && c <= 'ヶ' ? c - ('ァ' - 'ぁ') : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

    for (String query : new String[] {kana, hiragana, (String) someone.get("family_name_kanji"),
        kana + "　" + someone.get("given_name_kana")}) {
      JsonNode page = search(Map.of("name", query));
      assertThat(page.path("total").asLong()).as(query).isPositive();
      assertThat(page.path("items").toString()).contains(kana);
    }
  }

  @Test
  void namesThatStartWithTheTextComeFirst() throws Exception {
    ResidentFixtures fixtures = new ResidentFixtures(context);
    String part = "ヌヘ" + System.nanoTime() % 100000;
    fixtures.insert(person("コ" + part, "アイ"));
    fixtures.insert(person(part + "ダ", "ヨシ"));
    fixtures.insert(person("イケダ", part + "ト"));

    JsonNode page = search(Map.of("name", part));
    List<String> kana = new java.util.ArrayList<>();
    page.path("items").forEach(item -> kana.add(item.path("nameKana").asText()));
    assertThat(kana).hasSize(3);
    assertThat(kana.get(0)).startsWith(part + "ダ");
    assertThat(kana.get(2)).startsWith("コ" + part);
  }

  private static ResidentFixtures.Person person(String familyKana, String givenKana) {
    return new ResidentFixtures.Person("順位", "試験", familyKana, givenKana, java.time.LocalDate.of(2001, 2, 3),
        Sex.FEMALE, "360-0001", "埼玉県架空市本町1丁目2番3号", "REGISTERED");
  }

  @Test
  void pagesThroughResults() throws Exception {
    String birthDate = jdbc.queryForObject(
        "select birth_date::text from resident group by birth_date having count(*) >= 1 order by count(*) desc limit 1",
        String.class);
    long total = jdbc.queryForObject("select count(*) from resident where birth_date = ?::date", Long.class, birthDate);
    JsonNode page = search(Map.of("birthDate", birthDate, "size", 1));
    assertThat(page.path("total").asLong()).isEqualTo(total);
    assertThat(page.path("items")).hasSize(1);
  }

  @Test
  void R04_everySearchHitIsAuditedPerResidentWithoutTheSearchTerms() throws Exception {
    long before = jdbc.queryForObject("select count(*) from audit_event where operation = 'RESIDENT_SEARCH_HIT'", Long.class);
    JsonNode page = search(Map.of("name", "田", "size", 5));
    int hits = page.path("items").size();
    assertThat(hits).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from audit_event where operation = 'RESIDENT_SEARCH_HIT'", Long.class))
        .isEqualTo(before + hits);
    assertThat(jdbc.queryForList("select detail from audit_event where operation = 'RESIDENT_SEARCH_HIT' order by id desc limit 1",
        String.class)).containsExactly("criteria=name");
  }

  @Test
  void R04_viewingAResidentIsAuditedWithTheResidentAndUser() throws Exception {
    long id = jdbc.queryForObject("select min(id) from resident", Long.class);
    mvc.perform(get("/api/residents/" + id).with(users.as("staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.myNumberMasked").value(ResidentViews.MY_NUMBER_MASK));
    assertThat(jdbc.queryForMap("select username, resident_id from audit_event order by id desc limit 1"))
        .containsEntry("username", "staff1").containsEntry("resident_id", id);
  }

  @Test
  void R06_myNumberIsStoredEncryptedAndNeverReturned() throws Exception {
    Map<String, Object> stored = jdbc.queryForMap("select id, my_number_cipher from resident order by id limit 1");
    MyNumber number = protector.decrypt((byte[]) stored.get("my_number_cipher"));
    assertThat(new String((byte[]) stored.get("my_number_cipher"), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(number.digits());
    String body = mvc.perform(get("/api/residents/" + stored.get("id")).with(users.as("staff1")))
        .andReturn().getResponse().getContentAsString();
    assertThat(body).doesNotContain(number.digits());
    assertThat(jdbc.queryForObject("select count(*) from resident where my_number_hash = ?", Long.class,
        protector.lookupHash(number))).isEqualTo(1);
  }

  @Test
  void refusesASearchWithoutCriteriaOrWithBadInput() throws Exception {
    mvc.perform(post("/api/residents/search").with(users.as("staff1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("検索条件を1つ以上入力してください"));
    mvc.perform(post("/api/residents/search").with(users.as("staff1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"addresseeNumber\":\"abc\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.addresseeNumber").exists());
    mvc.perform(post("/api/residents/search").with(users.as("staff1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content("{\"birthDate\":\"2020-02-30\"}"))
        .andExpect(status().isBadRequest());
  }

  private JsonNode search(Map<String, Object> criteria) throws Exception {
    return json.readTree(mvc.perform(post("/api/residents/search").with(users.as("staff1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(criteria)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }
}
