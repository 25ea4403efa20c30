package jp.lg.immunization.vaccination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.lg.immunization.platform.PgCopy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks every line of an uploaded batch into dose_batch_row. Chunks commit on their own so that the upload page
 * can show progress; a run that fails half-way and runs again starts over from a clean slate. Registers nothing.
 * The number of rejected lines routes the batch to review or straight to approval, whose steps set its status.
 */
@Component("validateDoseBatch")
class ValidateDoseBatch implements JavaDelegate {

  static final String REJECTED_ROWS = "rejectedRows";
  static final int CHUNK = 2_000;
  static final List<String> ROW_COLUMNS = List.of("batch_id", "line", "status", "items", "problems", "resident_id",
      "warnings_confirmed");

  private final JdbcTemplate jdbc;
  private final DoseJson json;
  private final DoseChecks checks;
  private final PgCopy copy;
  private final TransactionTemplate ownTransaction;

  ValidateDoseBatch(JdbcTemplate jdbc, DoseJson json, DoseChecks checks, PgCopy copy,
                    PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.json = json;
    this.checks = checks;
    this.copy = copy;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = Long.parseLong(execution.getProcessBusinessKey());
    Map<String, Object> batch = jdbc.queryForMap("select status, encoding, content from dose_batch where id = ?", id);
    if (DoseBatchStatus.VALIDATING.name().equals(batch.get("status"))) {
      validate(id, (byte[]) batch.get("content"), DoseBatchFile.Encoding.valueOf((String) batch.get("encoding")));
    }
    int rejected = jdbc.queryForObject("select count(*) from dose_batch_row where batch_id = ? and status = 'REJECTED'",
        Integer.class, id);
    execution.setVariable(REJECTED_ROWS, rejected);
  }

  /**
   * The file is read as it is checked, a chunk of lines at a time (the upload has read it through once already).
   * A chunk is staged on a thread of its own while the next one is checked, so that the database's work (the COPY
   * and its commit) overlaps the checks; chunks are staged one at a time and in file order.
   */
  private void validate(long id, byte[] content, DoseBatchFile.Encoding encoding) {
    ownTransaction.executeWithoutResult(status -> {
      jdbc.update("delete from dose_batch_row where batch_id = ?", id);
      jdbc.update("update dose_batch set validated_rows = 0 where id = ?", id);
    });
    DoseBatchCheck check = checks.batch();
    try (Staging staging = new Staging(id)) {
      List<DoseBatchCheck.Pending> chunk = new ArrayList<>(CHUNK);
      DoseBatchFile.read(content, encoding, line -> {
        chunk.add(new DoseBatchCheck.Pending(line.line(), DoseInput.of(line.items()), line.columnsMatch(), false));
        if (chunk.size() == CHUNK) {
          staging.next(check.check(chunk));
          chunk.clear();
        }
      });
      if (!chunk.isEmpty()) {
        staging.next(check.check(chunk));
      }
      staging.finish();
    }
  }

  /** Stages checked chunks on a thread of its own, one at a time and in file order. */
  private final class Staging implements AutoCloseable {

    private final long batchId;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private Future<?> last = CompletableFuture.completedFuture(null);

    Staging(long batchId) {
      this.batchId = batchId;
    }

    void next(List<DoseBatchCheck.Result> results) {
      finish();
      last = thread.submit(() -> stage(batchId, results));
    }

    /** Waits for the chunk being staged; its failure fails the job. */
    void finish() {
      try {
        last.get();
      } catch (ExecutionException failed) {
        throw failed.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(failed.getCause());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while staging dose batch " + batchId, interrupted);
      }
    }

    /** Also after a failed check: a chunk still being staged must end before a retry deletes the batch's rows. */
    @Override
    public void close() {
      thread.shutdown();
      try {
        boolean ended = false;
        while (!ended) {
          ended = thread.awaitTermination(1, TimeUnit.MINUTES);
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void stage(long id, List<DoseBatchCheck.Result> results) {
    ownTransaction.executeWithoutResult(status -> {
      List<List<Object>> rows = new ArrayList<>(results.size());
      for (DoseBatchCheck.Result result : results) {
        rows.add(Arrays.asList(id, result.pending().line(), result.accepted() ? "ACCEPTED" : "REJECTED",
            json.write(result.pending().input().byKey()), json.write(result.problems()),
            result.checked().residentId(), false));
      }
      copy.copy("dose_batch_row", ROW_COLUMNS, rows);
      jdbc.update("update dose_batch set validated_rows = validated_rows + ? where id = ?", results.size(), id);
    });
  }
}
