package jp.lg.immunization.disclosure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Receipts (受付票) of inquiries and complaints, and the tracking of serious incidents (R29). */
@RestController
@RequestMapping("/api/inquiries")
class InquiryController {

  record Closing(@NotNull(message = "受付票の版数がありません。画面を更新してください") Integer version,
                 @NotNull(message = "完了日を入力してください") LocalDate closedOn,
                 @NotBlank(message = "対応の結果を入力してください")
                 @Size(max = 2000, message = "対応の結果は2000文字以内で入力してください") String outcome) {}

  private final Inquiries inquiries;

  InquiryController(Inquiries inquiries) {
    this.inquiries = inquiries;
  }

  /** {@code openSerious=true}: only serious incidents not yet closed, the earliest due first. */
  @GetMapping
  List<Inquiries.Receipt> list(@RequestParam(defaultValue = "false") boolean openSerious) {
    return inquiries.recent(openSerious);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Inquiries.Receipt record(@Valid @RequestBody Inquiries.NewInquiry inquiry) {
    return inquiries.record(inquiry);
  }

  @GetMapping("/{id}")
  Inquiries.Receipt view(@PathVariable long id) {
    return inquiries.view(id);
  }

  @PostMapping("/{id}/close")
  Inquiries.Receipt close(@PathVariable long id, @Valid @RequestBody Closing closing) {
    return inquiries.close(id, closing.version(), closing.closedOn(), closing.outcome());
  }
}
