package jp.lg.immunization.workflow;

import jp.lg.immunization.platform.ApiError;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that loses a race (the engine's optimistic lock, a task claimed first, a deadlock or lock timeout the
 * database broke) is a conflict the user can resolve by reloading: 409, never 500 (DESIGN rule 8).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineConflicts {

  @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class,
      ConcurrencyFailureException.class})
  ResponseEntity<ApiError> lostRace(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(409, "concurrent_edit", TaskLocks.LOST_RACE));
  }
}
