package jp.lg.immunization.resident.feed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.CsvInput;
import jp.lg.immunization.platform.PgCopy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks every line of a received feed file into resident_feed_line. Chunks commit on their own so that the page can
 * show progress; a run that fails half-way, or a re-check after review, starts over from a clean slate. Changes no
 * resident. The number of rejected lines routes the file to review or to its application.
 */
@Component("checkResidentFeed")
class CheckResidentFeed implements JavaDelegate {

  static final String REJECTED_LINES = "rejectedLines";
  static final int CHUNK = 2_000;
  static final List<String> LINE_COLUMNS = List.of("file_id", "line", "status", "items", "my_number_cipher",
      "problems");

  private final JdbcTemplate jdbc;
  private final FeedJson json;
  private final RegisterStore register;
  private final PgCopy copy;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  CheckResidentFeed(JdbcTemplate jdbc, FeedJson json, RegisterStore register, PgCopy copy,
                    PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.register = register;
    this.copy = copy;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Long.parseLong(execution.getProcessBusinessKey());
    Map<String, Object> file = jdbc.queryForMap("select encoding, content from resident_feed_file where id = ?", id);
    FeedFile.Parsed parsed = FeedFile.read((byte[]) file.get("content"),
        CsvInput.Encoding.valueOf((String) file.get("encoding")));
    ownTransaction.executeWithoutResult(status -> {
      jdbc.update("delete from resident_feed_line where file_id = ?", id);
      jdbc.update("""
          insert into resident_feed_progress (file_id, checked_lines) values (?, 0)
          on conflict (file_id) do update set checked_lines = 0""", id);
    });
    FeedCheck check = new FeedCheck(register, LocalDate.now(clock), parsed.lines());
    List<FeedFile.Line> lines = parsed.lines();
    for (int from = 0; from < lines.size(); from += CHUNK) {
      List<FeedFile.Line> chunk = lines.subList(from, Math.min(from + CHUNK, lines.size()));
      ownTransaction.executeWithoutResult(status -> {
        List<List<Object>> rows = new ArrayList<>(chunk.size());
        for (FeedCheck.Checked checked : check.check(chunk)) {
          rows.add(Arrays.asList(id, checked.line(), checked.accepted() ? "ACCEPTED" : "REJECTED",
              json.write(checked.items()), checked.myNumber() == null ? null
                  : "\\x" + java.util.HexFormat.of().formatHex(register.seal(checked.myNumber())),
              json.write(checked.problems())));
        }
        copy.copy("resident_feed_line", LINE_COLUMNS, rows);
        jdbc.update("update resident_feed_progress set checked_lines = checked_lines + ? where file_id = ?",
            chunk.size(), id);
      });
    }
    execution.setVariable(REJECTED_LINES, jdbc.queryForObject(
        "select count(*) from resident_feed_line where file_id = ? and status = 'REJECTED'", Integer.class, id));
  }
}
