package jp.lg.immunization.workflow;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/incidents")
class IncidentController {

  private final Incidents incidents;

  IncidentController(Incidents incidents) {
    this.incidents = incidents;
  }

  @GetMapping
  List<Incidents.IncidentView> open() {
    return incidents.open();
  }

  @PostMapping("/{id}/retry")
  ResponseEntity<Void> retry(@PathVariable String id) {
    incidents.retry(id);
    return ResponseEntity.noContent().build();
  }
}
