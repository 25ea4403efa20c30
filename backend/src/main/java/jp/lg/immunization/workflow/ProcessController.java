package jp.lg.immunization.workflow;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/processes")
class ProcessController {

  record StartRequest(Map<String, Object> values) {}

  private final ProcessCatalog catalog;

  ProcessController(ProcessCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping
  List<ProcessCatalog.Entry> startable() {
    return catalog.startable();
  }

  @PostMapping("/{key}/start")
  @ResponseStatus(HttpStatus.CREATED)
  ProcessCatalog.Started start(@PathVariable String key, @RequestBody StartRequest request) {
    return catalog.start(key, request.values());
  }
}
