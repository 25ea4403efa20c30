package jp.lg.immunization.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal is the usual JSON error, never a 500 for bad input; every 4xx of an API request is on the audit trail
 * ({@link RefusedRequests}), once: a layer that decides a refusal may record it itself (login, permissions, four-eyes).
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final String UNIQUE_VIOLATION = "23505";

  private final RefusedRequests refusals;

  ApiExceptionHandler(RefusedRequests refusals) {
    this.refusals = refusals;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> refused(ApiException e, HttpServletRequest request) {
    return answer(request, new ApiError(e.status().value(), e.error(), e.getMessage(), e.fields()));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    e.getBindingResult().getFieldErrors()
        .forEach(error -> fields.putIfAbsent(error.getField(), error.getDefaultMessage()));
    return answer(request, new ApiError(400, "validation_failed", "入力内容に誤りがあります", fields));
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<ApiError> unreadable(Exception e, HttpServletRequest request) {
    return answer(request, ApiError.of(400, "malformed_request", "リクエストの形式が正しくありません"));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> fields
        .putIfAbsent(result.getMethodParameter().getParameterName(), error.getDefaultMessage())));
    return answer(request, new ApiError(400, "validation_failed", "入力内容に誤りがあります", fields));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ApiError> missingFile(MissingServletRequestPartException e, HttpServletRequest request) {
    return answer(request, ApiError.of(400, "missing_file", "ファイルを選択してください"));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return answer(request, ApiError.of(413, "file_too_large", "ファイルが大きすぎます。分割して取り込んでください"));
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<ApiError> concurrentEdit(OptimisticLockingFailureException e, HttpServletRequest request) {
    return answer(request, ApiError.of(409, "concurrent_edit",
        "他の職員が同時に更新しました。画面を更新してからやり直してください"));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ApiError> denied(AccessDeniedException e, HttpServletRequest request) {
    return answer(request, ApiError.of(403, "forbidden", "この操作を行う権限がありません"));
  }

  /** Spring's own refusals (unknown path, wrong method, wrong media type) keep their status. */
  @ExceptionHandler(ErrorResponseException.class)
  ResponseEntity<ApiError> framework(ErrorResponseException e, HttpServletRequest request) {
    return frameworkError(e, request);
  }

  @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
      HttpMediaTypeNotSupportedException.class, MissingServletRequestParameterException.class})
  ResponseEntity<ApiError> request(Exception e, HttpServletRequest request) {
    return frameworkError((ErrorResponse) e, request);
  }

  private ResponseEntity<ApiError> frameworkError(ErrorResponse e, HttpServletRequest request) {
    int status = e.getStatusCode().value();
    String message = status == 404 ? "指定されたものが見つかりません" : "リクエストを処理できません";
    return answer(request, ApiError.of(status, "request_refused", message));
  }

  /** Only the API's refusals: a missing static file of the UI (a browser's favicon) is nobody's attempt. */
  private ResponseEntity<ApiError> answer(HttpServletRequest request, ApiError error) {
    int status = error.status();
    if (status >= 400 && status < 500 && request.getRequestURI().startsWith("/api/")) {
      refusals.refused(request, status, error.error(), error.fields().keySet());
    }
    return ResponseEntity.status(status).body(error);
  }

  private static boolean duplicateKey(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DuplicateKeyException
          || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A browser that closed a stream or left mid-answer: nobody is there to answer, and nothing went wrong here. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e) {
    log.debug("Client gone: {}", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
    if (duplicateKey(e)) {
      // Two requests registered the same thing at the same moment (e.g. two double checks of one person): the
      // database kept the first, the second's transaction rolled back whole. Whatever layer wrapped it (the engine).
      return answer(request, ApiError.of(409, "concurrent_edit",
          "同じ内容が同時に登録されました。画面を更新してから確認してください"));
    }
    if (DatabaseUnavailable.causes(e)) {
      log.warn("Database unavailable: answered 503 ({})", e.getClass().getSimpleName());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
          .body(DatabaseUnavailable.error());
    }
    // Only the exception type and message: payloads may hold personal data.
    log.error("Unexpected error: {}", e.toString(), e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of(500,
        "internal_error", "システムエラーが発生しました。管理者に連絡してください"));
  }
}
