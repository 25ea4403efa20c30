package jp.lg.immunization.workflow;

import jp.lg.immunization.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The user's own e-mail notices of new tasks: whether the city sends them, and the address to send them to. */
@RestController
@RequestMapping("/api/tasks/notices/mail")
class TaskMailController {

  record Address(String address) {}

  private final TaskMail mail;
  private final CurrentUser currentUser;

  TaskMailController(TaskMail mail, CurrentUser currentUser) {
    this.mail = mail;
    this.currentUser = currentUser;
  }

  @GetMapping
  TaskMail.Subscription subscription() {
    return mail.of(currentUser.get());
  }

  @PutMapping
  TaskMail.Subscription subscribe(@RequestBody Address address) {
    mail.subscribe(currentUser.get(), address.address());
    return mail.of(currentUser.get());
  }

  @DeleteMapping
  ResponseEntity<Void> unsubscribe() {
    mail.unsubscribe(currentUser.get());
    return ResponseEntity.noContent().build();
  }
}
