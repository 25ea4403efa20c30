package jp.lg.immunization.resident.feed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.platform.CsvInput;
import jp.lg.immunization.platform.PgCopy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compares a full extract with the register held here and lists every difference for staff: a resident the extract
 * holds and the register does not (MISSING), one registered here whom the extract lacks (EXTRA), and one whose items
 * differ (CHANGED, with the items). Changes no resident; runs again from a clean slate.
 */
@Component("compareWithRegister")
class CompareWithRegister implements JavaDelegate {

  static final String DIFFERENCES = "differences";
  private static final List<String> COMPARED = List.of("familyNameKanji", "givenNameKanji", "familyNameKana",
      "givenNameKana", "birthDate", "sex", "postalCode", "address", "householdNumber", "relationship",
      "residentCode", "integratedAddresseeNumber");

  private final JdbcTemplate jdbc;
  private final FeedJson json;
  private final RegisterStore register;
  private final PgCopy copy;
  private final Clock clock;

  CompareWithRegister(JdbcTemplate jdbc, FeedJson json, RegisterStore register, PgCopy copy, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.register = register;
    this.copy = copy;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Long.parseLong(execution.getProcessBusinessKey());
    Map<String, Object> file = jdbc.queryForMap(
        "select source_system, encoding, content from resident_feed_file where id = ?", id);
    FeedFile.Parsed parsed = FeedFile.read((byte[]) file.get("content"),
        CsvInput.Encoding.valueOf((String) file.get("encoding")));
    jdbc.update("delete from reconciliation_difference where file_id = ?", id);
    jdbc.update("delete from resident_feed_line where file_id = ?", id);
    List<FeedCheck.Checked> checked = new FeedCheck(register, LocalDate.now(clock), parsed.lines())
        .check(parsed.lines());
    List<List<Object>> lines = new ArrayList<>(checked.size());
    List<FeedCheck.Checked> extract = new ArrayList<>(checked.size());
    for (FeedCheck.Checked line : checked) {
      List<FeedProblem> problems = new ArrayList<>(line.problems());
      if (!FeedEvent.FULL.label().equals(line.items().get(FeedItem.EVENT.key()))) {
        problems.add(FeedProblem.of("E116", FeedItem.EVENT, "照合に使うファイルは異動事由が「全件」の行だけです"));
      }
      if (problems.isEmpty()) {
        extract.add(line);
      }
      lines.add(Arrays.asList(id, line.line(), problems.isEmpty() ? "ACCEPTED" : "REJECTED",
          json.write(line.items()), null, json.write(problems)));
    }
    copy.copy("resident_feed_line", CheckResidentFeed.LINE_COLUMNS, lines);
    execution.setVariable(DIFFERENCES, compare(id, (String) file.get("source_system"), extract));
  }

  private int compare(long id, String sourceSystem, List<FeedCheck.Checked> extract) {
    List<String> numbers = extract.stream().map(line -> line.items().get(FeedItem.ADDRESSEE_NUMBER.key())).toList();
    Map<String, Map<String, String>> held = register.items(numbers);
    List<List<Object>> differences = new ArrayList<>();
    for (FeedCheck.Checked line : extract) {
      String number = line.items().get(FeedItem.ADDRESSEE_NUMBER.key());
      Map<String, String> here = held.get(number);
      if (here == null) {
        differences.add(difference(id, differences.size() + 1, "MISSING", number, line.line(), List.of()));
        continue;
      }
      List<String> changed = new ArrayList<>();
      if (!"REGISTERED".equals(here.get("status"))) {
        changed.add("status");
      }
      for (String key : COMPARED) {
        String value = line.items().get(key);
        if (value != null && !value.equals(here.get(key))) {
          changed.add(key);
        }
      }
      // The check found the holders of every 個人番号 of the extract already: no second look-up of 200,000.
      if (line.myNumber() != null && !line.myNumberHeld()) {
        changed.add("myNumber");
      }
      if (!changed.isEmpty()) {
        differences.add(difference(id, differences.size() + 1, "CHANGED", number, line.line(), changed));
      }
    }
    Set<String> inExtract = new HashSet<>(numbers);
    for (String number : register.registered(sourceSystem)) {
      if (!inExtract.contains(number)) {
        differences.add(difference(id, differences.size() + 1, "EXTRA", number, null, List.of()));
      }
    }
    jdbc.batchUpdate("""
        insert into reconciliation_difference (file_id, seq, kind, addressee_number, line, changed_items)
        values (?, ?, ?, ?, ?, ?)""", differences.stream().map(List::toArray).toList());
    return differences.size();
  }

  private static List<Object> difference(long id, int seq, String kind, String number, Integer line,
                                         List<String> changed) {
    return Arrays.asList(id, seq, kind, number, line, changed.toArray(String[]::new));
  }
}
