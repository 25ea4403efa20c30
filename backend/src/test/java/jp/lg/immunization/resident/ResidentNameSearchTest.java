package jp.lg.immunization.resident;

import static jp.lg.immunization.resident.feed.FeedFixture.file;
import static jp.lg.immunization.resident.feed.FeedFixture.person;
import static jp.lg.immunization.resident.feed.FeedFixture.serial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import jp.lg.immunization.IntegrationTest;
import jp.lg.immunization.ProcessDriver;
import jp.lg.immunization.TestUsers;
import jp.lg.immunization.resident.feed.FeedFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The name-gram index (V66) that name searches go through: it must find exactly what a scan of every resident finds,
 * and follow every change of a name, whichever path makes it.
 */
@IntegrationTest
class ResidentNameSearchTest {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired ProcessDriver driver;
  @Autowired ApplicationContext context;
  @Autowired ResidentSearch search;
  @Autowired MyNumberProtector protector;
  @Autowired Clock clock;

  @Test
  void findsExactlyWhatAScanOfTheWholeRegisterFinds() throws Exception {
    Map<String, Object> someone = jdbc.queryForMap("""
        select family_name_kanji, given_name_kanji, family_name_kana, given_name_kana from resident
        where char_length(family_name_kana) >= 3 and char_length(given_name_kana) >= 2 order by id limit 1""");
    String familyKana = (String) someone.get("family_name_kana");
    String givenKana = (String) someone.get("given_name_kana");
    String familyKanji = (String) someone.get("family_name_kanji");
    List<String> parts = List.of(familyKana.substring(0, 1), familyKana.substring(1, 3), familyKana,
        familyKanji, familyKanji + someone.get("given_name_kanji"), familyKanji.substring(0, 1),
        // Across family and given name, as search_text joins them without a space.
        familyKana.substring(familyKana.length() - 1) + givenKana.substring(0, 1),
        familyKana + givenKana.substring(0, 2), "ヴヴ", "%", "_");
    for (String part : parts) {
      long scanned = jdbc.queryForObject("select count(*) from resident where strpos(search_text, ?) > 0", Long.class,
          Resident.normalise(part));
      assertThat(search(part).path("total").asLong()).as(part).isEqualTo(scanned);
    }
  }

  @Test
  void theIndexFollowsANameCorrectionAndAnInsertedResident() throws Exception {
    FeedFixture.Person person = person(LocalDate.of(1990, 1, 2));
    new FeedFixture(context).deliver(file(person.moveIn(serial(), LocalDate.of(2024, 4, 1))));
    String newKana = uniqueKana();
    driver.startRequest("staff1", ResidentIdentityCorrectionProcessTest.PROCESS, Map.of(
            "addresseeNumber", person.addresseeNumber(), "familyNameKanji", "索引", "givenNameKanji", "花子",
            "familyNameKana", newKana, "givenNameKana", "ハナコ", "reason", "届出書の誤記"))
        .andExpect(status().isCreated());
    long id = jdbc.queryForObject("select id from resident where addressee_number = ?", Long.class,
        person.addresseeNumber());
    String oldKana = jdbc.queryForObject("""
        select before_items ->> 'familyNameKana' from resident_change where resident_id = ? and kind = 'CORRECTED'""",
        String.class, id);

    assertThat(throughTheIndexOnly(newKana)).containsExactly(id);
    // Across family and given name.
    assertThat(throughTheIndexOnly(newKana.substring(newKana.length() - 2) + "ハ")).containsExactly(id);
    assertThat(throughTheIndexOnly(oldKana)).doesNotContain(id);
    assertThat(innerPairsOf(id)).as("V99 follows the name correction").contains(newKana.substring(1, 3))
        .doesNotContain(oldKana.substring(1, 3));
    assertThat(search(newKana).path("items").get(0).path("id").asLong()).isEqualTo(id);

    String insertedKana = uniqueKana();
    long inserted = new ResidentFixtures(context).insert(new ResidentFixtures.Person("新規", "一郎", insertedKana,
        "イチロウ", LocalDate.of(2000, 5, 6), Sex.MALE, "360-0001", "埼玉県架空市本町1丁目", "REGISTERED"));
    assertThat(throughTheIndexOnly(insertedKana.substring(2))).containsExactly(inserted);
    assertThat(innerPairsOf(inserted)).contains(insertedKana.substring(1, 3));
    transactions.executeWithoutResult(status -> {
      jdbc.update("delete from resident where id = ?", inserted);
      assertThat(innerPairsOf(inserted)).as("V99 forgets a removed resident").isEmpty();
      status.setRollbackOnly();
    });
  }

  private List<String> innerPairsOf(long residentId) {
    return jdbc.queryForList("select gram from resident_name_inner_gram where resident_id = ?", String.class,
        residentId);
  }

  /**
   * A part with more matches than are counted: the total stops at the limit, and the first pages, read from the names
   * starting with the part in kana order rather than sorted, hold exactly what sorting every match gives; so do the
   * pages after those names, which are sorted.
   */
  @Test
  void aPartWithMoreMatchesThanCountedIsPagedAsSortingEveryMatchWould() {
    String part = uniqueKana();
    Random random = new Random(19);
    String kana = "アイウエオカキクケコサシスセソタチツテトナニヌネノ";
    ResidentFixtures fixtures = new ResidentFixtures(context);
    transactions.executeWithoutResult(status -> {
      for (int i = 0; i < ResidentSearch.COUNT_LIMIT + 100; i++) {
        String before = String.valueOf(kana.charAt(random.nextInt(kana.length())));
        String after = String.valueOf(kana.charAt(random.nextInt(kana.length())));
        // Some 60 start with the part, in the kana or the kanji name; the others have it inside either kana name.
        String familyKana = i % 20 == 0 ? part + after : i % 2 == 0 ? before + part + after : before + after;
        String givenKana = i % 2 == 1 ? after + part : after + before;
        String familyKanji = i % 300 == 1 ? part : "試験";
        fixtures.insert(new ResidentFixtures.Person(familyKanji, "太郎", familyKana, givenKana,
            LocalDate.of(2001, 2, 3), Sex.MALE, "360-0001", "埼玉県架空市本町1丁目", "REGISTERED"));
      }
      for (int size : List.of(20, 7)) {
        for (int page = 0; page * size < ResidentSearch.PREFIX_DEPTH + 2 * size; page++) {
          ResidentViews.Page found = search.search(new ResidentSearch.Criteria(part, null, null), page, size);
          assertThat(found.total()).isEqualTo(ResidentSearch.COUNT_LIMIT);
          assertThat(found.totalCapped()).isTrue();
          assertThat(ids(found)).as("page %d of %d", page, size).isEqualTo(sortingEveryMatch(part, page, size));
        }
      }
      status.setRollbackOnly();
    });
  }

  /**
   * Residents generated as for the benchmark, whose family names hold common parts inside them (トウ in サトウ, イトウ,
   * カトウ): every part of two or three characters of a family name, wherever in it, is paged and counted as sorting
   * and counting every match did before the names with the part inside were read in order (V99).
   */
  @Test
  void everyPartOfAGeneratedFamilyNameIsPagedAndCountedAsSortingEveryMatchWould() {
    transactions.executeWithoutResult(status -> {
      new SyntheticResidents(jdbc, transactions, protector, clock).load(12_000, 19);
      Set<String> parts = new TreeSet<>();
      for (String kana : jdbc.queryForList("select distinct family_name_kana from resident", String.class)) {
        for (int length = 2; length <= 3; length++) {
          for (int from = 0; from + length <= kana.length(); from++) {
            parts.add(Resident.normalise(kana.substring(from, from + length)));
          }
        }
      }
      List<String> readInsideInOrder = new ArrayList<>();
      for (String part : parts) {
        long all = jdbc.queryForObject("select count(*) from resident where strpos(search_text, ?) > 0", Long.class,
            part);
        for (int page : List.of(0, 4)) {
          ResidentViews.Page found = search.search(new ResidentSearch.Criteria(part, null, null), page, 20);
          assertThat(found.total()).as(part).isEqualTo(Math.min(all, ResidentSearch.COUNT_LIMIT));
          assertThat(found.totalCapped()).as(part).isEqualTo(all > ResidentSearch.COUNT_LIMIT);
          assertThat(ids(found)).as("%s, page %d", part, page).isEqualTo(sortingEveryMatch(part, page, 20));
        }
        if (all > ResidentSearch.COUNT_LIMIT && sortingEveryMatch(part, 0, 20).stream().anyMatch(id ->
            jdbc.queryForObject("select not starts_with(split_part(search_text, ' ', 2), ?) from resident where id = ?",
                Boolean.class, part, id))) {
          readInsideInOrder.add(part);
        }
      }
      // Else the names with a part inside them were never read in order here, only sorted.
      assertThat(readInsideInOrder).isNotEmpty();
      status.setRollbackOnly();
    });
  }

  /** Before V98: every match sorted, names that start with the part first, then by kana and id. */
  private List<Long> sortingEveryMatch(String part, int page, int size) {
    return jdbc.queryForList("""
        select id from resident where strpos(search_text, ?) > 0
        order by starts_with(search_text, ?) or starts_with(split_part(search_text, ' ', 2), ?) desc,
                 split_part(search_text, ' ', 2) collate "C", id
        limit ? offset ?""", Long.class, part, part, part, size, page * size);
  }

  private static List<Long> ids(ResidentViews.Page page) {
    return page.items().stream().map(ResidentViews.Summary::id).toList();
  }

  /** The residents the index names as candidates and the exact test confirms, with scans switched off. */
  private List<Long> throughTheIndexOnly(String part) {
    return transactions.execute(status -> {
      jdbc.execute("set local enable_seqscan = off");
      String sql = "select id from resident where resident_name_may_contain(search_text, ?) and search_text like ?";
      String plan = String.join("\n", jdbc.queryForList("explain " + sql, String.class, part, "%" + part + "%"));
      assertThat(plan).contains("resident_name_grams");
      return jdbc.queryForList(sql, Long.class, part, "%" + part + "%");
    });
  }

  /** Katakana no synthetic resident carries: ヰ and ヱ with the digits of the clock as ア-row letters. */
  private static String uniqueKana() {
    StringBuilder kana = new StringBuilder("ヰヱ");
    String digits = Long.toString(System.nanoTime() % 1_000_000);
    digits.chars().forEach(digit -> kana.append("アイウエオカキクケコ".charAt(digit - '0')));
    return kana.toString();
  }

  private JsonNode search(String name) throws Exception {
    return json.readTree(mvc.perform(post("/api/residents/search").with(users.as("staff1")).with(csrf())
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("name", name))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }
}
