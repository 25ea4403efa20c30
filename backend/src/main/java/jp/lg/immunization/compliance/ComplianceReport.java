package jp.lg.immunization.compliance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.lg.immunization.compliance.build.SurefireSummary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The report: each control with the tests named after it and how they ended in the build that produced the running
 * version. A control is proven only when at least one of its tests passed and none failed; anything else shows red.
 */
@Component
class ComplianceReport {

  static final String CONTROLS = "compliance/controls.json";
  static final String TEST_RESULTS = "compliance/test-results.json";

  /** A control as the catalogue states it. */
  record Control(String id, String area, String text, List<String> implementedBy, List<String> processes) {}

  enum Verdict {
    PROVEN("証明済み"),
    FAILING("失敗したテストあり"),
    NO_TEST("テストなし"),
    NOT_RUN("この版ではテスト未実行");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  record Test(String className, String name, SurefireSummary.Outcome outcome) {}

  record Row(String id, String area, String text, List<String> implementedBy, List<String> processes, List<Test> tests,
             int passed, int failed, Verdict verdict, String verdictLabel, boolean proven) {}

  /** The build the report speaks for; {@code testsRun} false when it ran no tests (or no summary was packaged). */
  record Build(String version, Instant builtAt, boolean summaryPackaged, boolean testsRun, int total, int failed,
               int skipped) {}

  record Report(Build build, List<Row> controls, int proven, List<String> unproven) {}

  private final List<Control> controls;
  private final Optional<SurefireSummary.Summary> results;

  ComplianceReport() {
    this(read(CONTROLS), Optional.ofNullable(readResults()));
  }

  ComplianceReport(List<Control> controls, Optional<SurefireSummary.Summary> results) {
    this.controls = List.copyOf(controls);
    this.results = results;
  }

  Report build() {
    SurefireSummary.Summary summary = results.orElse(null);
    boolean testsRun = summary != null && summary.testsRun();
    List<Row> rows = controls.stream().map(control -> row(control, summary, testsRun)).toList();
    List<String> unproven = rows.stream().filter(row -> !row.proven()).map(Row::id).toList();
    Build build = summary == null ? new Build(null, null, false, false, 0, 0, 0)
        : new Build(summary.version(), summary.builtAt(), true, testsRun, summary.total(), summary.failed(),
            summary.skipped());
    return new Report(build, rows, rows.size() - unproven.size(), unproven);
  }

  private static Row row(Control control, SurefireSummary.Summary summary, boolean testsRun) {
    List<Test> tests = summary == null ? List.of() : summary.tests().stream()
        .filter(test -> namesControl(test.name(), control.id()))
        .map(test -> new Test(simpleName(test.className()), test.name(), test.outcome())).toList();
    int passed = (int) tests.stream().filter(test -> test.outcome() == SurefireSummary.Outcome.PASSED).count();
    int failed = (int) tests.stream().filter(test -> test.outcome() == SurefireSummary.Outcome.FAILED).count();
    Verdict verdict = !testsRun ? Verdict.NOT_RUN
        : failed > 0 ? Verdict.FAILING
        : passed > 0 ? Verdict.PROVEN
        : Verdict.NO_TEST;
    return new Row(control.id(), control.area(), control.text(), control.implementedBy(), control.processes(), tests,
        passed, failed, verdict, verdict.label(), verdict == Verdict.PROVEN);
  }

  static boolean namesControl(String testName, String controlId) {
    var matcher = SurefireSummary.CONTROL.matcher(testName);
    while (matcher.find()) {
      if (("R" + matcher.group(1)).equals(controlId)) {
        return true;
      }
    }
    return false;
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  static List<Control> read(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new ObjectMapper().readValue(in, new TypeReference<List<Control>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("the control catalogue " + resource + " cannot be read", e);
    }
  }

  /** The packaged summary, or null in a run from the sources (no build packaged one). */
  private static SurefireSummary.Summary readResults() {
    ClassPathResource resource = new ClassPathResource(TEST_RESULTS);
    if (!resource.exists()) {
      return null;
    }
    try (InputStream in = resource.getInputStream()) {
      return SurefireSummary.mapper().readValue(in, SurefireSummary.Summary.class);
    } catch (IOException e) {
      throw new UncheckedIOException("the packaged test summary " + TEST_RESULTS + " cannot be read", e);
    }
  }
}
