package jp.lg.immunization.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The processes as people do them, in headless Chromium (Debian's package, driven by playwright-core
 * scripts in frontend/e2e). The app runs as in production: job executor on and the simulators answering
 * by themselves. Screenshots go to target/e2e-screenshots. A context of its own (own database), since
 * the engine runs jobs here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "immunization.data-dir=target/e2e-data",
    "camunda.bpm.job-execution.enabled=true",
    "immunization.simulators.resident-network.auto-answer=true",
    "immunization.simulators.resident-network.answer-delay=PT1S",
    "immunization.simulators.intermediate-server.auto-answer=true",
    "immunization.simulators.intermediate-server.answer-delay=PT1S",
    "immunization.simulators.ministry.auto-answer=true",
    "immunization.simulators.ministry.answer-delay=PT1S",
    "immunization.simulators.vrs.auto-answer=true",
    "immunization.simulators.vrs.answer-delay=PT1S",
    "immunization.simulators.city-linkage.auto-answer=true",
    "immunization.simulators.city-linkage.answer-delay=PT1S",
    "immunization.simulators.pittari-service.auto-deliver=true",
    "immunization.simulators.pittari-service.delivery-delay=PT1S"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserEndToEndTest {

  private static final Path FRONTEND = Path.of("..", "frontend").toAbsolutePath().normalize();
  private static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots").toAbsolutePath();
  /** The TOTP secrets the scenarios' accounts enrolled with, as their phones would keep them: one file per run. */
  private static final Path AUTHENTICATOR_APPS = Path.of("target", "e2e-authenticator-apps.json").toAbsolutePath();

  @LocalServerPort int port;

  /** The database starts empty, so no account has a second factor yet. */
  @BeforeAll
  static void noAuthenticatorAppsYet() throws Exception {
    Files.deleteIfExists(AUTHENTICATOR_APPS);
  }

  @Test
  void R07_aFirstLoginEnrolsAnAuthenticatorAppTheNextAsksForACodeAndAWrongCodeIsRefused() throws Exception {
    run("totp-enrolment");
  }

  @Test
  void R02_staffAProposesIsRefusedTheDoubleCheckAndStaffBConfirms() throws Exception {
    run("nonresident");
  }

  @Test
  void R14_R19_staffQueriesSupervisorApprovesTheNetworkAnswersAndTwoStaffCheck() throws Exception {
    run("information-query");
  }

  @Test
  void staffUploadsABatchWithErrorsFixesOneAndASecondStaffMemberApprovesIt() throws Exception {
    run("dose-batch");
  }

  @Test
  void R33_staffTakeInAReliefClaimTheMinistryRecognisesItAndASupervisorApprovesTheDecision() throws Exception {
    run("relief-claim");
  }

  @Test
  void staffReportAWrongVaccinationFromItsFlaggedDoseAndASupervisorApprovesItForThePrefecture() throws Exception {
    run("wrong-vaccination");
  }

  @Test
  void staffRecordALongTermIllnessCaseFromTheResidentsPageASupervisorApprovesItAndLaterItsRevocation()
      throws Exception {
    run("long-term-illness");
  }

  /** A manager has no task list: the dashboard links into a read-only queue of its own (no case data). */
  @Test
  void managerOpensTheKpiDashboardAndFollowsAnOldStepIntoTheReadOnlyQueue() throws Exception {
    run("kpi-dashboard");
  }

  @Test
  void R30_R31_staffRecordConsentAndIdentityCheckASupervisorApprovesAndVrsAnswersWithTheFormerRecords()
      throws Exception {
    run("vrs-mover-query");
  }

  /** Also runs axe-core on every page of both roles and checks them at 390 px and 768 px wide. */
  @Test
  void supervisorGivesAnAbsentColleaguesTaskToTheStandInWhoGetsTheNoticeSeesTheDiagramAndCompletesIt()
      throws Exception {
    run("reassignment");
  }

  /**
   * Also checks their task pages as each holder has them open and their case pages while open, with axe-core and at
   * 390 px and 768 px wide; among them the steps off the main paths: an exemption applied for online (申請者の特定),
   * a correction request past its deadline (both follow-ups, 訂正の実施と記録) and a provision sent back and revised.
   */
  @Test
  void R13_R26_R28_staffTakeInAnExemptionAProvisionAndADisclosureRequestASupervisorApprovesAndAColleagueSends()
      throws Exception {
    run("exemption-provision-request");
  }

  /**
   * Last, so that the other scenarios' cases fill the lists: the case pages each role opens from them, checked with
   * axe-core and at 390 px and 768 px wide.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void everyRoleCanReadTheCasePagesItOpensFromItsListsOnAnyScreen() throws Exception {
    run("case-pages");
  }

  private void run(String scenario) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path log = SCREENSHOTS.resolve(scenario + ".log");
    ProcessBuilder e2e = new ProcessBuilder(node(), "e2e/" + scenario + ".e2e.mjs")
        .directory(FRONTEND.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    e2e.environment().put("BASE_URL", "http://localhost:" + port);
    e2e.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
    e2e.environment().put("E2E_PASSWORD", "demo-pass-2026");
    e2e.environment().put("E2E_AUTHENTICATOR_FILE", AUTHENTICATOR_APPS.toString());
    Process process = e2e.start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(finished).as("%s finished in time; output:%n%s", scenario, output).isTrue();
    assertThat(process.exitValue()).as("%s exit code; output:%n%s", scenario, output).isZero();
    assertThat(output).contains("E2E passed");
  }

  /** The Node that the build installed for the frontend, or the machine's. */
  private static String node() {
    File installed = FRONTEND.resolve("node").resolve("node").toFile();
    return installed.canExecute() ? installed.getPath() : "node";
  }
}
