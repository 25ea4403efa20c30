package jp.lg.immunization.workflow;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/approvals")
class ApprovalController {

  record Decision(Map<String, Object> values) {}

  record BulkDecision(List<String> taskIds, Map<String, Object> values) {}

  private final Approvals approvals;
  private final BulkWork bulk;

  ApprovalController(Approvals approvals, BulkWork bulk) {
    this.approvals = approvals;
    this.bulk = bulk;
  }

  /** Several approvals of one step decided alike, each checked and audited as if alone; the outcome of each. */
  @PostMapping("/bulk")
  List<BulkWork.Outcome> decideAll(@RequestBody BulkDecision decision) {
    return bulk.approve(decision.taskIds(), decision.values());
  }

  @GetMapping
  Approvals.Page pending(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int size) {
    return approvals.pending(cursor, Math.max(1, Math.min(size, 50)));
  }

  @PostMapping("/{taskId}")
  ResponseEntity<Void> decide(@PathVariable String taskId, @RequestBody Decision decision) {
    approvals.decide(taskId, decision.values());
    return ResponseEntity.noContent().build();
  }
}
