package jp.lg.immunization.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jp.lg.immunization.compliance.build.SurefireSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The compliance report built from a build's surefire reports (a fixture set: R05 has a failing test, R13 only a
 * skipped one, R30 and R31 none): 33 controls, each red unless a test named after it passed and none failed; a build
 * without tests, or a run without a packaged summary, proves nothing.
 */
class ComplianceReportTest {

  private static final Instant BUILT = Instant.parse("2026-12-06T10:00:00Z");

  @TempDir Path temp;

  @Test
  void theReportFromABuildsTestResultsShowsThirtyThreeControlsAndRedWhereNoTestPassed() throws Exception {
    Path written = temp.resolve("classes/compliance/test-results.json");
    SurefireSummary.main(new String[] {fixtures().toString(), written.toString(), "1.2.3", "2000-01-01T00:00:00Z"});
    SurefireSummary.Summary summary = SurefireSummary.mapper().readValue(written.toFile(), SurefireSummary.Summary.class);

    ComplianceReport.Report report = new ComplianceReport(ComplianceReport.read(ComplianceReport.CONTROLS),
        Optional.of(summary)).build();

    assertThat(report.controls()).hasSize(33).extracting(ComplianceReport.Row::id)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 33).mapToObj(i -> String.format("R%02d", i)).toList());
    assertThat(report.build()).isEqualTo(new ComplianceReport.Build("1.2.3", Instant.parse("2000-01-01T00:00:00Z"),
        true, true, 33, 2, 1));
    assertThat(report.unproven()).containsExactly("R05", "R13", "R30", "R31");
    assertThat(report.proven()).isEqualTo(29);
    assertThat(row(report, "R05").verdict()).isEqualTo(ComplianceReport.Verdict.FAILING);
    assertThat(row(report, "R05").passed()).isEqualTo(1);
    assertThat(row(report, "R13").verdict()).as("a skipped test proves nothing").isEqualTo(ComplianceReport.Verdict.NO_TEST);
    assertThat(row(report, "R30").tests()).isEmpty();
    assertThat(row(report, "R21").tests()).extracting(ComplianceReport.Test::name)
        .containsExactly("R14_R21_R33_oneTestProvesThreeControls");
    assertThat(row(report, "R21").tests().get(0).className()).isEqualTo("ControlsTest");
    assertThat(summary.tests()).extracting(SurefireSummary.TestCase::name)
        .doesNotContain("aTestNamedAfterNoControl", "anotherWithAnError", "R300_isNoControl");
  }

  @Test
  void aBuildWithoutTestsOrWithOnlyOlderReportsOrARunWithoutASummaryProvesNothing() throws Exception {
    Path reports = Files.createDirectories(temp.resolve("surefire-reports"));
    try (Stream<Path> files = Files.list(fixtures())) {
      for (Path file : files.toList()) {
        Path copy = Files.copy(file, reports.resolve(file.getFileName()));
        Files.setLastModifiedTime(copy, FileTime.from(BUILT.minusSeconds(60)));
      }
    }
    SurefireSummary.Summary stale = SurefireSummary.read(reports, "1.2.3", BUILT, BUILT);
    assertThat(stale.testsRun()).as("reports of an earlier build are not this build's").isFalse();
    assertThat(SurefireSummary.read(temp.resolve("missing"), "1.2.3", BUILT, BUILT).testsRun()).isFalse();

    ComplianceReport.Report withoutTests = new ComplianceReport(ComplianceReport.read(ComplianceReport.CONTROLS),
        Optional.of(stale)).build();
    assertThat(withoutTests.controls()).hasSize(33)
        .allMatch(row -> row.verdict() == ComplianceReport.Verdict.NOT_RUN && !row.proven());
    assertThat(ComplianceFiles.buildLine(withoutTests.build())).contains("1.2.3", "テストが実行されていません");

    ComplianceReport.Report devRun = new ComplianceReport(ComplianceReport.read(ComplianceReport.CONTROLS),
        Optional.empty()).build();
    assertThat(devRun.build().summaryPackaged()).isFalse();
    assertThat(devRun.unproven()).hasSize(33);
    assertThat(ComplianceFiles.buildLine(devRun.build())).contains("この版にはテスト結果がありません");
  }

  @Test
  void aTestNamesTheControlsAtTheStartOrBetweenUnderscoresOnly() {
    assertThat(ComplianceReport.namesControl("R14_R21_R33_every", "R21")).isTrue();
    assertThat(ComplianceReport.namesControl("R14_R21_R33_every", "R22")).isFalse();
    assertThat(ComplianceReport.namesControl("R140_x", "R14")).isFalse();
    assertThat(ComplianceReport.namesControl("aR13_x", "R13")).isFalse();
    assertThat(ComplianceReport.namesControl("contentIsKept_R32", "R32")).isTrue();
  }

  @Test
  void everyControlOfTheCatalogueHasItsTextAndImplementationAndNamesOnlyDeployedProcesses() throws IOException {
    Set<String> deployed = new HashSet<>();
    Pattern process = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
    for (Resource bpmn : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      Matcher matcher = process.matcher(bpmn.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
      while (matcher.find()) {
        deployed.add(matcher.group(1));
      }
    }
    List<ComplianceReport.Control> controls = ComplianceReport.read(ComplianceReport.CONTROLS);
    assertThat(controls).hasSize(33).allSatisfy(control -> {
      assertThat(control.text()).as(control.id()).isNotBlank();
      assertThat(control.area()).as(control.id()).isNotBlank();
      assertThat(control.implementedBy()).as(control.id()).isNotEmpty();
      assertThat(deployed).as(control.id() + " names deployed processes").containsAll(control.processes());
    });
  }

  private static ComplianceReport.Row row(ComplianceReport.Report report, String id) {
    return report.controls().stream().filter(row -> row.id().equals(id)).findFirst().orElseThrow();
  }

  private static Path fixtures() throws URISyntaxException {
    return Path.of(ComplianceReportTest.class.getResource("/compliance/surefire").toURI());
  }
}
