package jp.lg.immunization.workflow;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/** What a person doing a task needs to see of the case beside the form. */
public record CaseContext(String title, List<Section> sections) {

  public record Section(String heading, List<Row> rows) {

    /**
     * The last {@code count} entries of a case's timeline, newest first, for the person deciding: a timeline is kept
     * and read oldest first.
     */
    public static <T> Section latestOfTimeline(List<T> oldestFirst, int count, Function<T, Row> row) {
      int size = oldestFirst.size();
      return new Section("経過（新しい順に" + count + "件）", IntStream.range(0, Math.min(count, size))
          .mapToObj(back -> row.apply(oldestFirst.get(size - 1 - back))).toList());
    }
  }

  /** {@code link} is a path inside the app (e.g. {@code /dose-batches/12}) where the step's work happens, or null. */
  public record Row(String label, String value, String link) {

    public Row(String label, String value) {
      this(label, value, null);
    }
  }
}
