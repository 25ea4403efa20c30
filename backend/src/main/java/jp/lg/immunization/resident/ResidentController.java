package jp.lg.immunization.resident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.audit.ResidentAccessLog;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Search criteria travel in the body: names and birth dates never appear in URLs or access logs. */
@RestController
@RequestMapping("/api/residents")
class ResidentController {

  record SearchRequest(@Size(max = 50, message = "氏名は50文字以内で入力してください") String name,
                       LocalDate birthDate,
                       @Pattern(regexp = "\\d{1,10}", message = "宛名番号は数字10桁以内で入力してください") String addresseeNumber,
                       @Min(value = 0, message = "ページ番号が正しくありません") Integer page,
                       @Min(value = 1, message = "件数が正しくありません") @Max(value = 100, message = "件数は100件までです") Integer size) {}

  record AccessLogRequest(@NotBlank(message = "宛名番号を入力してください")
                          @Pattern(regexp = "\\d{1,10}", message = "宛名番号は数字10桁以内で入力してください")
                          String addresseeNumber) {}

  /** For the auditor: the resident (no 個人番号) and every recorded access to their data, newest first. */
  record AccessLog(ResidentDirectory.ResidentRef resident, List<ResidentAccessLog.Access> accesses) {}

  private final ResidentSearch search;
  private final ResidentCasePage casePage;
  private final ResidentDirectory directory;
  private final ResidentAccessLog accessLog;

  ResidentController(ResidentSearch search, ResidentCasePage casePage, ResidentDirectory directory,
                     ResidentAccessLog accessLog) {
    this.search = search;
    this.casePage = casePage;
    this.directory = directory;
    this.accessLog = accessLog;
  }

  @PostMapping("/access-log")
  AccessLog accessLog(@Valid @RequestBody AccessLogRequest request) {
    ResidentDirectory.ResidentRef resident = directory.requireByAddresseeNumber(request.addresseeNumber());
    return new AccessLog(resident, accessLog.of(resident.id()));
  }

  @PostMapping("/search")
  ResidentViews.Page search(@Valid @RequestBody SearchRequest request) {
    return search.search(new ResidentSearch.Criteria(request.name(), request.birthDate(), request.addresseeNumber()),
        request.page() == null ? 0 : request.page(), request.size() == null ? 20 : request.size());
  }

  @GetMapping("/{id}")
  ResidentViews.Detail view(@PathVariable long id) {
    return search.view(id);
  }

  /** A POST, so that no browser or proxy prefetches or caches it; the answer is marked no-store as well. */
  @PostMapping("/{id}/my-number")
  ResponseEntity<MyNumberRevealed> revealMyNumber(@PathVariable long id) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new MyNumberRevealed(search.revealMyNumber(id)));
  }

  record MyNumberRevealed(String myNumber) {}

  @GetMapping("/{id}/case")
  ResidentCasePage.View casePage(@PathVariable long id) {
    return casePage.of(id);
  }
}
