package jp.lg.immunization.vrs;

import java.util.List;
import jp.lg.immunization.platform.PdfDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff follow VRS: mover queries and certificate applications (started from the process catalogue, worked in the
 * task list), the issued certificates' PDF, and what VRS holds of a resident's COVID-19 doses from this city.
 */
@RestController
@RequestMapping("/api/vrs")
class VrsController {

  private final VrsViews views;
  private final CertificatePrints prints;

  VrsController(VrsViews views, CertificatePrints prints) {
    this.views = views;
    this.prints = prints;
  }

  @GetMapping("/mover-queries")
  List<VrsViews.Summary> moverQueries(@RequestParam(required = false) Long residentId) {
    return views.list(residentId);
  }

  @GetMapping("/mover-queries/{id}")
  VrsViews.Detail moverQuery(@PathVariable long id) {
    return views.detail(id);
  }

  @GetMapping("/certificates")
  List<VrsViews.CertificateSummary> certificates(@RequestParam(required = false) Long residentId) {
    return views.certificates(residentId);
  }

  /** The issued certificate, Japanese and English (PRINT). */
  @GetMapping("/certificates/{id}/certificate.pdf")
  ResponseEntity<byte[]> certificatePdf(@PathVariable long id) {
    return PdfDownload.inline("接種証明書-" + id + ".pdf", prints.print(id));
  }

  @GetMapping("/residents/{residentId}/doses")
  VrsViews.Registration doses(@PathVariable long residentId) {
    return views.registration(residentId);
  }
}
