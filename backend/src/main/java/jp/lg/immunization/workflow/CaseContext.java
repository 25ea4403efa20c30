package jp.lg.immunization.workflow;

import java.util.List;

/** What a person doing a task needs to see of the case beside the form. */
public record CaseContext(String title, List<Section> sections) {

  public record Section(String heading, List<Row> rows) {}

  /** {@code link} is a path inside the app (e.g. {@code /dose-batches/12}) where the step's work happens, or null. */
  public record Row(String label, String value, String link) {

    public Row(String label, String value) {
      this(label, value, null);
    }
  }
}
