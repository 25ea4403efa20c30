package jp.lg.immunization.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.SignedInUser;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

  record Completion(Map<String, Object> values) {}

  private final TaskInbox inbox;
  private final TaskWork work;
  private final CurrentUser currentUser;
  private final SavedFilters filters;
  private final TaskAssignments assignments;
  private final Absences absences;
  private final BulkWork bulk;
  private final Notices notices;

  TaskController(TaskInbox inbox, TaskWork work, CurrentUser currentUser, SavedFilters filters,
                 TaskAssignments assignments, Absences absences, BulkWork bulk, Notices notices) {
    this.bulk = bulk;
    this.notices = notices;
    this.inbox = inbox;
    this.assignments = assignments;
    this.absences = absences;
    this.filters = filters;
    this.work = work;
    this.currentUser = currentUser;
  }

  /**
   * The task list: {@code view} (mine, group, all, completed), filters {@code processKey}, {@code taskKey}, {@code due}
   * (overdue, soon), {@code group}, {@code claimedBy}, {@code createdFrom/To}, {@code dueFrom/To}, and {@code sort}
   * (created, due, process) with {@code direction} (asc, desc). Keyset-paged by {@code cursor}. A search by resident
   * goes by POST to {@code /search}, so that no name stands in a URL (and so in no access log).
   */
  @GetMapping
  TaskInbox.Page list(@RequestParam Map<String, String> parameters) {
    if (parameters.containsKey("resident")) {
      throw ApiException.invalid("住民での検索は検索フォームから行ってください",
          Map.of("resident", "住民での検索は POST /api/tasks/search で行ってください（URLに氏名を残さないため）"));
    }
    return search(parameters);
  }

  /**
   * The task list by the same criteria (and {@code cursor}, {@code size}) in the body, with {@code resident}; with
   * {@code withCounts=true} the page also carries the tabs' counts, so that the inbox opens in one request, not two.
   */
  @PostMapping("/search")
  TaskInbox.Page search(@RequestBody Map<String, String> parameters) {
    Map<String, String> criteria = new HashMap<>(parameters);
    String cursor = criteria.remove("cursor");
    String size = criteria.remove("size");
    boolean withCounts = "true".equals(criteria.remove("withCounts"));
    InboxQuery.requireKnown(criteria);
    SignedInUser user = currentUser.get();
    TaskInbox.Page page = inbox.page(user, InboxQuery.of(criteria), cursor, pageSize(size));
    return withCounts ? page.withCounts(inbox.counts(user)) : page;
  }

  private static int pageSize(String size) {
    try {
      return size == null || size.isBlank() ? 50 : Math.max(1, Math.min(Integer.parseInt(size.trim()), 200));
    } catch (NumberFormatException e) {
      throw ApiException.invalid("件数は数字で指定してください", Map.of("size", "件数は1から200の数字です"));
    }
  }

  @GetMapping("/filters")
  List<SavedFilters.SavedFilter> filters() {
    return filters.of(currentUser.get());
  }

  @PostMapping("/filters")
  ResponseEntity<SavedFilters.SavedFilter> saveFilter(@RequestBody SavedFilters.NewFilter filter) {
    return ResponseEntity.status(HttpStatus.CREATED).body(filters.save(currentUser.get(), filter));
  }

  @DeleteMapping("/filters/{id}")
  ResponseEntity<Void> deleteFilter(@PathVariable long id) {
    filters.delete(currentUser.get(), id);
    return ResponseEntity.noContent().build();
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

  /** Colleagues a supervisor may give the step to, each with their absence today and the four-eyes refusal if any. */
  @GetMapping("/{id}/candidates")
  List<TaskAssignments.Candidate> candidates(@PathVariable String id) {
    return assignments.candidates(id);
  }

  /** A supervisor gives the step to a colleague, or releases it ({@code assignee} empty), with a reason. */
  @PostMapping("/{id}/assign")
  TaskSummary assign(@PathVariable String id, @RequestBody TaskAssignments.Assignment assignment) {
    return assignments.assign(id, assignment);
  }

  @GetMapping("/absences")
  List<Absences.Absence> absences() {
    return absences.ofDepartment(currentUser.get());
  }

  @PostMapping("/absences")
  ResponseEntity<Absences.Absence> recordAbsence(@RequestBody Absences.NewAbsence absence) {
    return ResponseEntity.status(HttpStatus.CREATED).body(absences.record(currentUser.get(), absence));
  }

  @DeleteMapping("/absences/{id}")
  ResponseEntity<Void> withdrawAbsence(@PathVariable long id) {
    absences.withdraw(currentUser.get(), id);
    return ResponseEntity.noContent().build();
  }

  record Bulk(String action, List<String> taskIds) {}

  /** Claims or releases several tasks, each as if alone; the outcome of each. */
  @PostMapping("/bulk")
  List<BulkWork.Outcome> bulk(@RequestBody Bulk request) {
    return bulk.apply(request.action(), request.taskIds());
  }

  /** Stored notices, new work and approvals since the last look; {@code unread} is the header's count. */
  @GetMapping("/notices")
  Notices.Summary notices() {
    return notices.summary(currentUser.get());
  }

  @PostMapping("/notices/read")
  ResponseEntity<Void> noticesRead() {
    notices.markRead(currentUser.get());
    return ResponseEntity.noContent().build();
  }

  /** Server-sent events: "notice" whenever the summary may have changed (the event carries no data of its own). */
  @GetMapping(path = "/notices/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter noticeStream() {
    return notices.stream(currentUser.get());
  }

  @PostMapping("/{id}/complete")
  ResponseEntity<Void> complete(@PathVariable String id, @RequestBody Completion completion) {
    work.complete(id, completion.values());
    return ResponseEntity.noContent().build();
  }

  /** Claims the step (unless the user holds it) and completes it in one request, e.g. a step without fields. */
  @PostMapping("/{id}/claim-and-complete")
  ResponseEntity<Void> claimAndComplete(@PathVariable String id, @RequestBody Completion completion) {
    work.claimAndComplete(id, completion.values());
    return ResponseEntity.noContent().build();
  }
}
