package jp.lg.immunization.workflow;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jp.lg.immunization.security.CurrentUser;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

  record Completion(Map<String, Object> values) {}

  private final TaskInbox inbox;
  private final TaskWork work;
  private final CurrentUser currentUser;

  TaskController(TaskInbox inbox, TaskWork work, CurrentUser currentUser) {
    this.inbox = inbox;
    this.work = work;
    this.currentUser = currentUser;
  }

  @GetMapping
  TaskInbox.Page list(@RequestParam(defaultValue = "mine") String view,
                      @RequestParam(required = false) String cursor,
                      @RequestParam(defaultValue = "50") int size) {
    TaskInbox.View selected = "group".equals(view) ? TaskInbox.View.GROUP : TaskInbox.View.MINE;
    return inbox.page(currentUser.get(), selected, cursor, Math.max(1, Math.min(size, 200)));
  }

  @GetMapping("/counts")
  TaskInbox.Counts counts() {
    return inbox.counts(currentUser.get());
  }

  @GetMapping("/{id}")
  TaskWork.TaskDetails details(@PathVariable String id) {
    return work.details(id);
  }

  @PostMapping("/{id}/claim")
  TaskSummary claim(@PathVariable String id) {
    return work.claim(id);
  }

  @PostMapping("/{id}/unclaim")
  TaskSummary unclaim(@PathVariable String id) {
    return work.unclaim(id);
  }

  @PostMapping("/{id}/complete")
  ResponseEntity<Void> complete(@PathVariable String id, @RequestBody Completion completion) {
    work.complete(id, completion.values());
    return ResponseEntity.noContent().build();
  }
}
