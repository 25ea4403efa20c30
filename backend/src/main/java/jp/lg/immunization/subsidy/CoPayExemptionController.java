package jp.lg.immunization.subsidy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

/** Staff follow co-pay exemption applications and withdraw one at the applicant's request. */
@RestController
@RequestMapping("/api/copay-exemptions")
class CoPayExemptionController {

  /** {@code version}: the application's version the staff member saw, so that a concurrent change is not overridden. */
  record Withdrawal(@NotNull(message = "申請の版数がありません。画面を更新してください") Integer version,
                    @NotBlank(message = "取下げの理由を入力してください")
                    @Size(max = 500, message = "取下げの理由は500文字以内で入力してください") String reason) {}

  private final CoPayExemptionViews views;
  private final ExemptionApplications applications;

  CoPayExemptionController(CoPayExemptionViews views, ExemptionApplications applications) {
    this.views = views;
    this.applications = applications;
  }

  @GetMapping
  List<CoPayExemptionViews.Summary> recent() {
    return views.recent();
  }

  @GetMapping("/{id}")
  CoPayExemptionViews.Detail detail(@PathVariable long id) {
    return views.detail(id);
  }

  @PostMapping("/{id}/withdrawal")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void withdraw(@PathVariable long id, @Valid @RequestBody Withdrawal withdrawal) {
    applications.withdraw(id, withdrawal.version(), withdrawal.reason().strip());
  }
}
