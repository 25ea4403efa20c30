package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import jp.lg.immunization.ImmunizationOfficeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A user task is its BPMN element, its form and its handler, and start-up refuses to run when they disagree: a form
 * field renamed without its handler would otherwise make the server silently stop reading it.
 */
class ProcessConsistencyTest {

  @Test
  void aFormFieldKeyTheHandlerNoLongerFindsStopsStartUpNamingTheProcessFileTheStepAndTheForm(@TempDir Path forms)
      throws IOException {
    copyFormsRenaming(forms, "review-late-relief-claim.form", "\"key\": \"reason\"", "\"key\": \"reasonText\"");

    assertThatThrownBy(() -> start(forms).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Processes, forms and step handlers disagree")
        .hasMessageContaining("processes/relief-claim.bpmn ReviewLateClaim, forms/review-late-relief-claim.form: "
            + "field 'reason' read by ReviewLateClaim.Form is not in form ReviewLateReliefClaim");
  }

  @Test
  void aProcessVariableNoExpressionReadsStopsStartUp(@TempDir Path forms) throws IOException {
    copyFormsRenaming(forms, "review-late-relief-claim.form", "\"key\": \"lateDecision\"", "\"key\": \"lateVerdict\"");

    assertThatThrownBy(() -> start(forms).close())
        .hasMessageContaining("processes/relief-claim.bpmn ReviewLateClaim: processVariable field 'lateVerdict' of "
            + "forms/review-late-relief-claim.form is used by no expression of the process")
        .hasMessageContaining("field 'lateDecision' read by ReviewLateClaim.Form is not in form ReviewLateReliefClaim");
  }

  @Test
  void aMissingFormStopsStartUp(@TempDir Path forms) throws IOException {
    copyFormsRenaming(forms, "approve-relief-decision.form", "\"id\": \"ApproveReliefDecision\"",
        "\"id\": \"ApproveReliefDecisionRenamed\"");

    assertThatThrownBy(() -> start(forms).close())
        .hasMessageContaining("processes/relief-claim.bpmn ApproveMunicipalDecision: form ApproveReliefDecision does "
            + "not exist");
  }

  private static ConfigurableApplicationContext start(Path forms) {
    return new SpringApplicationBuilder(ImmunizationOfficeApplication.class)
        .profiles("test")
        .run("--immunization.forms.location=file:" + forms + "/*.form",
            "--immunization.data-dir=target/consistency-test-data", "--server.port=0");
  }

  /** All forms of forms/, one of them changed as a careless edit would. */
  private static void copyFormsRenaming(Path target, String file, String from, String to) throws IOException {
    Path source = Path.of("..", "forms");
    try (Stream<Path> files = Files.list(source)) {
      for (Path form : files.toList()) {
        String text = Files.readString(form, StandardCharsets.UTF_8);
        if (form.getFileName().toString().equals(file)) {
          assertThat(text).contains(from);
          text = text.replace(from, to);
          new ObjectMapper().readTree(text);
        }
        Files.writeString(target.resolve(form.getFileName()), text, StandardCharsets.UTF_8);
      }
    }
  }
}
