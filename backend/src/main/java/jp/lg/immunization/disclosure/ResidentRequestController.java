package jp.lg.immunization.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.platform.PdfDownload;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff follow residents' requests (R28): the list, the request, its collected data, the extension and the prints. */
@RestController
@RequestMapping("/api/resident-requests")
class ResidentRequestController {

  /** The reason and the notice date are checked by the service, which says what is missing. */
  record ExtensionNotice(@NotNull(message = "請求の版数がありません。画面を更新してください") Integer version,
                         @Size(max = 1000, message = "理由は1000文字以内で入力してください") String reason,
                         LocalDate noticeSentOn) {}

  private final ResidentRequestViews views;
  private final ResidentRequests requests;
  private final DisclosurePackages packages;
  private final RequestPrints prints;

  ResidentRequestController(ResidentRequestViews views, ResidentRequests requests, DisclosurePackages packages,
                            RequestPrints prints) {
    this.views = views;
    this.requests = requests;
    this.packages = packages;
    this.prints = prints;
  }

  @GetMapping
  List<ResidentRequestViews.Summary> recent() {
    return views.recent();
  }

  @GetMapping("/{id}")
  ResidentRequestViews.Detail detail(@PathVariable long id) {
    return views.detail(id);
  }

  @GetMapping("/{id}/package")
  ResponseEntity<JsonNode> disclosurePackage(@PathVariable long id) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(packages.view(id));
  }

  @GetMapping("/{id}/package.pdf")
  ResponseEntity<byte[]> disclosurePackagePdf(@PathVariable long id) {
    return PdfDownload.inline("保有個人情報の写し-" + id + ".pdf", prints.disclosurePackage(id));
  }

  @GetMapping("/{id}/notice.pdf")
  ResponseEntity<byte[]> noticePdf(@PathVariable long id) {
    return PdfDownload.inline("決定通知書-" + id + ".pdf", prints.notice(id));
  }

  @PostMapping("/{id}/extension")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void extend(@PathVariable long id, @Valid @RequestBody ExtensionNotice notice) {
    requests.extend(id, notice.version(), notice.reason(), notice.noticeSentOn());
  }
}
