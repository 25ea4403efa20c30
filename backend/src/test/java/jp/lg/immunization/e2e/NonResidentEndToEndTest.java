package jp.lg.immunization.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * R02 as a person does it, in headless Chromium (Debian's package, driven by playwright-core): staff A
 * starts and proposes, A is refused the double check, staff B confirms. The app runs as in production:
 * job executor on and the 市町村CS simulator answering by itself. Screenshots go to
 * target/e2e-screenshots. A context of its own (own database), since the engine runs jobs here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "immunization.data-dir=target/e2e-data",
    "camunda.bpm.job-execution.enabled=true",
    "immunization.simulators.resident-network.auto-answer=true",
    "immunization.simulators.resident-network.answer-delay=PT1S"})
@ActiveProfiles("test")
class NonResidentEndToEndTest {

  @LocalServerPort int port;

  @Test
  void R02_staffAProposesIsRefusedTheDoubleCheckAndStaffBConfirms() throws Exception {
    Path frontend = Path.of("..", "frontend").toAbsolutePath().normalize();
    Path screenshots = Path.of("target", "e2e-screenshots").toAbsolutePath();
    Files.createDirectories(screenshots);
    Path log = screenshots.resolve("e2e.log");

    ProcessBuilder e2e = new ProcessBuilder(node(frontend), "e2e/nonresident.e2e.mjs")
        .directory(frontend.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    e2e.environment().put("BASE_URL", "http://localhost:" + port);
    e2e.environment().put("SCREENSHOT_DIR", screenshots.toString());
    e2e.environment().put("E2E_PASSWORD", "demo-pass-2026");
    Process process = e2e.start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(finished).as("e2e finished in time; output:%n%s", output).isTrue();
    assertThat(process.exitValue()).as("e2e exit code; output:%n%s", output).isZero();
    try (var files = Files.list(screenshots)) {
      assertThat(files.filter(file -> file.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(4);
    }
  }

  /** The Node that the build installed for the frontend, or the machine's. */
  private static String node(Path frontend) {
    File installed = frontend.resolve("node").resolve("node").toFile();
    return installed.canExecute() ? installed.getPath() : "node";
  }
}
