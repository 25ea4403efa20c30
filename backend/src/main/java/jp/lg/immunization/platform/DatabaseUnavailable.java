package jp.lg.immunization.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database outage (down, restarting, unreachable, no connection within the pool's timeout) from other
 * failures, whoever wrapped it: JDBC, JPA, the engine, the session store. Such a request is answered 503 with a
 * Japanese message and a Retry-After; nothing of it was committed, and the pool reconnects by itself once the database
 * is back.
 */
public final class DatabaseUnavailable {

  static final String MESSAGE = "データベースに接続できないため、処理を受け付けられませんでした。しばらくしてからもう一度お試しください";
  static final int RETRY_AFTER_SECONDS = 10;
  private static final String CLOSED_CONNECTION = "Connection is closed";

  private DatabaseUnavailable() {}

  public static boolean causes(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException) {
        return true;
      }
      // Class 08: connection exception; 57P01-57P03: the server is shutting down or starting up.
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      // The pool's own word for a connection the outage broke, met when the transaction then cannot roll back.
      if (cause instanceof SQLException sql && sql.getSQLState() == null
          && CLOSED_CONNECTION.equals(sql.getMessage())) {
        return true;
      }
    }
    return false;
  }

  static ApiError error() {
    return ApiError.of(503, "database_unavailable", MESSAGE);
  }
}
