package jp.lg.immunization.illness;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff follow 長期療養特例: the list with status (all recent cases, or one resident's) and one case. A case is started
 * from the process catalogue with its recording form and decided in the task list.
 */
@RestController
@RequestMapping("/api/long-term-illness")
class IllnessExceptionController {

  private final IllnessExceptionViews views;

  IllnessExceptionController(IllnessExceptionViews views) {
    this.views = views;
  }

  @GetMapping
  List<IllnessExceptionViews.Summary> list(@RequestParam(required = false) Long residentId) {
    return views.list(residentId);
  }

  @GetMapping("/{id}")
  IllnessExceptionViews.Detail detail(@PathVariable long id) {
    return views.detail(id);
  }
}
