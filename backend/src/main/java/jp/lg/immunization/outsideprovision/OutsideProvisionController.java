package jp.lg.immunization.outsideprovision;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff follow provisions outside the network: the list (all recent, or one resident's) and one with its timeline. A
 * provision is recorded from the process catalogue and confirmed and sent in the task list.
 */
@RestController
@RequestMapping("/api/outside-provisions")
class OutsideProvisionController {

  private final OutsideProvisionViews views;

  OutsideProvisionController(OutsideProvisionViews views) {
    this.views = views;
  }

  @GetMapping
  List<OutsideProvisionViews.Summary> list(@RequestParam(required = false) Long residentId) {
    return views.list(residentId);
  }

  @GetMapping("/{id}")
  OutsideProvisionViews.Detail detail(@PathVariable long id) {
    return views.detail(id);
  }
}
