package jp.lg.immunization.retention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retention runs with their deletions, and legal holds (R27), for the auditor (under /api/audit) and the
 * administrator (under /api/admin): the same answers under the prefix each role is let through.
 */
@RestController
@RequestMapping({"/api/audit/retention", "/api/admin/retention"})
class RetentionController {

  static final int RUNS = 60;

  record Overview(List<String> kinds, List<RetentionRuns.Run> runs) {}

  record PlaceRequest(@NotBlank(message = "宛名番号を入力してください")
                      @Pattern(regexp = "\\d{1,10}", message = "宛名番号は数字10桁以内で入力してください")
                      String addresseeNumber,
                      @NotBlank(message = "理由を入力してください") @Size(max = 200, message = "理由は200文字以内で入力してください")
                      String reason) {}

  record LiftRequest(@NotBlank(message = "解除の理由を入力してください")
                     @Size(max = 200, message = "解除の理由は200文字以内で入力してください") String reason) {}

  record Placed(long id) {}

  private final RetentionRuns runs;
  private final LegalHolds holds;

  RetentionController(RetentionRuns runs, LegalHolds holds) {
    this.runs = runs;
    this.holds = holds;
  }

  @GetMapping("/runs")
  Overview runs() {
    return new Overview(runs.kinds(), runs.latest(RUNS));
  }

  @GetMapping("/legal-holds")
  List<LegalHolds.Hold> holds() {
    return holds.list();
  }

  @PostMapping("/legal-holds")
  @ResponseStatus(HttpStatus.CREATED)
  Placed place(@Valid @RequestBody PlaceRequest request) {
    return new Placed(holds.place(request.addresseeNumber(), request.reason()));
  }

  @PostMapping("/legal-holds/{id}/lift")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void lift(@PathVariable long id, @Valid @RequestBody LiftRequest request) {
    holds.lift(id, request.reason());
  }
}
