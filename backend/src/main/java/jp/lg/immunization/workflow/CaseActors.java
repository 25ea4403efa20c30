package jp.lg.immunization.workflow;

import java.util.Set;

/**
 * Implemented by a module whose users can change a case outside its steps (an entitlement revision, a batch row
 * correction, a deadline extension): they have worked on the case, so the four-eyes rule keeps them from its approval
 * steps like those who did its steps.
 */
public interface CaseActors {

  /** The process whose cases this names actors of. */
  String processKey();

  /** Usernames of everyone who changed the case (by business key) outside its steps. */
  Set<String> of(String businessKey);
}
