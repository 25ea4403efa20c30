package jp.lg.immunization.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R27: data past its retention period is deleted and the deletion recorded; a legal hold or an open case keeps it. */
@IntegrationTest
class RetentionTest {

  /** Long before the seven years of the records other tests write, so that this run deletes only its own. */
  static final LocalDate TODAY = LocalDate.of(2025, 1, 10);

  @Autowired RetentionRuns retention;
  @Autowired JdbcTemplate jdbc;

  List<Long> residents;

  @BeforeEach
  void threeResidentsWithoutOpenCases() {
    residents = jdbc.queryForList("""
        select id from resident r
        where not exists (select 1 from task_view t where t.resident_id = r.id and t.status = 'OPEN')
          and not exists (select 1 from provision_record p where p.resident_id = r.id)
        order by id desc limit 3""", Long.class);
  }

  @AfterEach
  void noOpenCaseLeftBehind() {
    jdbc.update("delete from task_view where id like 'retention-test-%'");
    jdbc.update("update legal_hold set lifted_at = now(), lifted_by = 'test' where lifted_at is null");
  }

  @Test
  void R27_everyKindOfDataWithARuleIsNamedInJapaneseOnTheRetentionPage() throws IOException {
    String labels = Files.readString(Path.of("..", "frontend", "src", "features", "retention", "api.ts"));
    assertThat(retention.kinds()).isNotEmpty()
        .allSatisfy(kind -> assertThat(labels).as("a label for %s", kind).containsPattern("\\n\\s*" + kind + ": '"));
  }

  @Test
  void R27_recordsPastTheirPeriodAreDeletedAndTheDeletionRecordedButAHoldOrAnOpenCaseKeepsThem() {
    long expired = provisionRecord(residents.get(0), "2025-01-09");
    long stillKept = provisionRecord(residents.get(0), "2025-01-10");
    long held = provisionRecord(residents.get(1), "2025-01-09");
    long openCase = provisionRecord(residents.get(2), "2025-01-09");
    jdbc.update("insert into legal_hold (resident_id, reason, set_by, set_at) values (?, '訴訟のため保全', 'admin1', now())",
        residents.get(1));
    jdbc.update("""
        insert into task_view (id, process_instance_id, process_definition_id, process_key, process_name, task_key, name,
                               status, created_at, resident_id)
        values ('retention-test-1', 'p', 'd', 'InformationQuery', '情報照会', 'ApproveQuery', '承認', 'OPEN', now(), ?)""",
        residents.get(2));

    assertThat(retention.run(TODAY)).containsEntry("PROVISION_RECORD", 1);

    assertThat(remaining(List.of(expired, stillKept, held, openCase))).containsExactlyInAnyOrder(stillKept, held, openCase);
    assertThat(jdbc.queryForObject("""
        select deleted_ids[1] from retention_deletion where kind = 'PROVISION_RECORD' order by id desc limit 1""",
        Long.class)).isEqualTo(expired);
    assertThat(jdbc.queryForObject("""
        select count(*) from audit_event where operation = 'RETENTION_DELETE' and detail = 'kind=PROVISION_RECORD deleted=1'""",
        Long.class)).isPositive();

    // The hold is lifted and the case closed: the next night deletes them too.
    noOpenCaseLeftBehind();
    assertThat(retention.run(TODAY)).containsEntry("PROVISION_RECORD", 2);
    assertThat(remaining(List.of(stillKept, held, openCase))).containsExactly(stillKept);
  }

  @Test
  void R27_theStagedLinesOfABatchGoNinetyDaysAfterItClosedAndTheBatchSummaryStaysButAHeldResidentsLineStays() {
    long old = closedBatch(TODAY.minusDays(91));
    long recent = closedBatch(TODAY.minusDays(89));
    jdbc.update("insert into legal_hold (resident_id, reason, set_by, set_at) values (?, '訴訟のため保全', 'admin1', now())",
        residents.get(0));
    jdbc.update("insert into dose_batch_row (batch_id, line, status, items, resident_id) values (?, 4, 'REJECTED', '{}', ?)",
        old, residents.get(0));

    retention.run(TODAY);

    assertThat(jdbc.queryForList("select line from dose_batch_row where batch_id = ?", Integer.class, old))
        .containsExactly(4);
    assertThat(jdbc.queryForObject("select count(*) from dose_batch_row where batch_id = ?", Long.class, recent))
        .isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from dose_batch where id = ?", Long.class, old)).isEqualTo(1);
  }

  private long provisionRecord(long residentId, String retainUntil) {
    return jdbc.queryForObject("""
        insert into provision_record (kind, resident_id, information_item, legal_basis, requested_by, requested_at,
                                      retain_until)
        values ('QUERY', ?, 'LOCAL_TAX', 'ACT19_8_TABLE14', 'staff1', now(), ?::date) returning id""", Long.class,
        residentId, retainUntil);
  }

  private List<Long> remaining(List<Long> ids) {
    return jdbc.queryForList("select id from provision_record where id = any(?)", Long.class,
        (Object) ids.toArray(Long[]::new));
  }

  private long closedBatch(LocalDate closed) {
    long id = jdbc.queryForObject("""
        insert into dose_batch (file_name, file_sha256, encoding, status, row_count, uploaded_by, uploaded_at, closed_at)
        values ('old.csv', md5(random()::text) || md5(random()::text), 'UTF_8', 'DISCARDED', 2, 'staff1', ?::date, ?::date)
        returning id""", Long.class, closed.toString(), closed.toString());
    jdbc.update("insert into dose_batch_row (batch_id, line, status, items) values (?, 2, 'REJECTED', '{}'), (?, 3, 'REJECTED', '{}')",
        id, id);
    return id;
  }
}
