package jp.lg.immunization.workflow;

import java.util.List;

/** What a person doing a task needs to see of the case beside the form. */
public record CaseContext(String title, List<Section> sections) {

  public record Section(String heading, List<Row> rows) {}

  public record Row(String label, String value) {}
}
