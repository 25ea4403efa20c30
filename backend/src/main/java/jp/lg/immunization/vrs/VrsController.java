package jp.lg.immunization.vrs;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff follow VRS: mover queries (started from the process catalogue, decided in the task list) and what VRS holds
 * of a resident's COVID-19 doses from this city.
 */
@RestController
@RequestMapping("/api/vrs")
class VrsController {

  private final VrsViews views;

  VrsController(VrsViews views) {
    this.views = views;
  }

  @GetMapping("/mover-queries")
  List<VrsViews.Summary> moverQueries(@RequestParam(required = false) Long residentId) {
    return views.list(residentId);
  }

  @GetMapping("/mover-queries/{id}")
  VrsViews.Detail moverQuery(@PathVariable long id) {
    return views.detail(id);
  }

  @GetMapping("/residents/{residentId}/doses")
  VrsViews.Registration doses(@PathVariable long residentId) {
    return views.registration(residentId);
  }
}
