package jp.lg.immunization.vaccination;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dose records by item key (see DoseItem): registration at the counter, one record with its corrections, and
 * 職権修正. A correction sends every item as the form shows it; an item left out is cleared.
 */
@RestController
@RequestMapping("/api/doses")
class DoseController {

  record Registration(@NotNull(message = "接種記録の項目がありません") Map<String, String> items, boolean confirmWarnings) {}

  record Registered(long id) {}

  record CorrectionRequest(@NotNull(message = "版が指定されていません") Integer version,
                           @NotNull(message = "接種記録の項目がありません") Map<String, String> items,
                           String reason, boolean confirmWarnings) {}

  record DoseDetail(DoseRecords.Entry dose, Map<String, String> items, int version,
                    List<DoseRegistration.Correction> corrections) {}

  private final DoseRegistration registration;
  private final DoseRecords records;
  private final DoseReference reference;

  DoseController(DoseRegistration registration, DoseRecords records, DoseReference reference) {
    this.registration = registration;
    this.records = records;
    this.reference = reference;
  }

  @GetMapping("/reference")
  DoseReference.Choices reference() {
    return reference.choices();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Registered register(@Valid @RequestBody Registration request) {
    return new Registered(registration.register(request.items(), request.confirmWarnings()));
  }

  @GetMapping("/{id}")
  DoseDetail detail(@PathVariable long id) {
    DoseRecords.Detail detail = records.detail(id);
    return new DoseDetail(detail.entry(), detail.items(), detail.version(), registration.corrections(id));
  }

  @PutMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void correct(@PathVariable long id, @Valid @RequestBody CorrectionRequest request) {
    registration.correct(id, request.version(), request.items(), request.reason(), request.confirmWarnings());
  }
}
