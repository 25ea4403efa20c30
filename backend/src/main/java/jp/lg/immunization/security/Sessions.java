package jp.lg.immunization.security;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** Ends a user's sessions everywhere: they live in the database, not in one node. */
@Component
class Sessions {

  private final FindByIndexNameSessionRepository<?> repository;

  Sessions(FindByIndexNameSessionRepository<?> repository) {
    this.repository = repository;
  }

  /** The number of sessions ended. */
  int endAll(String username) {
    var found = repository.findByPrincipalName(username);
    found.keySet().forEach(repository::deleteById);
    return found.size();
  }
}
