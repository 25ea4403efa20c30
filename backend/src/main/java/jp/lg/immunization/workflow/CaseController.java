package jp.lg.immunization.workflow;

import java.util.List;
import jp.lg.immunization.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A case of any process by its process and business key: its diagram and notes. */
@RestController
@RequestMapping("/api/processes/{processKey}/cases/{caseId}")
class CaseController {

  record NewNote(String body) {}

  private final CaseNotes notes;
  private final CaseDiagrams diagrams;
  private final CurrentUser currentUser;

  CaseController(CaseNotes notes, CaseDiagrams diagrams, CurrentUser currentUser) {
    this.notes = notes;
    this.diagrams = diagrams;
    this.currentUser = currentUser;
  }

  /** The process diagram with the steps waited on now and those passed, who did them and when. */
  @GetMapping("/diagram")
  CaseDiagrams.Diagram diagram(@PathVariable String processKey, @PathVariable String caseId) {
    return diagrams.of(currentUser.get(), processKey, caseId);
  }

  @GetMapping("/notes")
  List<CaseNotes.Note> notes(@PathVariable String processKey, @PathVariable String caseId) {
    return notes.of(currentUser.get(), processKey, caseId);
  }

  @PostMapping("/notes")
  @ResponseStatus(HttpStatus.CREATED)
  CaseNotes.Note addNote(@PathVariable String processKey, @PathVariable String caseId, @RequestBody NewNote note) {
    return notes.add(currentUser.get(), processKey, caseId, note.body());
  }
}
