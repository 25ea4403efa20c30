package jp.lg.immunization.vaccination;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff record a 60-64-year-old's qualifying disability for the B類 vaccines, or end it; the resident's page shows
 * the qualifications with the case.
 */
@RestController
@RequestMapping("/api/residents/{residentId}/b-class-qualifications")
class BClassQualificationController {

  record Recorded(long id) {}

  record Ending(String reason) {}

  private final BClassQualifications qualifications;

  BClassQualificationController(BClassQualifications qualifications) {
    this.qualifications = qualifications;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Recorded record(@PathVariable long residentId, @RequestBody BClassQualifications.Recording recording) {
    return new Recorded(qualifications.record(residentId, recording));
  }

  @PostMapping("/{id}/end")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void end(@PathVariable long residentId, @PathVariable long id, @RequestBody Ending ending) {
    qualifications.end(residentId, id, ending == null ? null : ending.reason());
  }
}
