package jp.lg.immunization.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events (R04). An event belongs to the caller's transaction, so that an access and its record stand or
 * fall together; a refusal is written in a transaction of its own, because the refused operation rolls back.
 * Details must name what happened, never personal data: ids, codes and counts only; what is longer than its column
 * (a 2,000-character URI, a 70-character user name typed at login) is cut, never refused.
 *
 * <p>The chain's lock is short: events are collected during the transaction and linked and written just before it
 * commits, so that rendering 2,000 予診票 or calling out never holds up the audit work of the other transactions
 * (DESIGN rule 5).
 *
 * <p>The trail is a few chains (stripes), each with its own lock and head. The lock is released only after the
 * commit's WAL flush, so with one chain every audited commit of the cluster waited for the previous one's fsync and
 * PostgreSQL could never flush several commits at once (issue 19: 40 % of the completions' database time with 8
 * clients). A transaction takes the first free stripe, starting from its connection's own, and waits only when every
 * stripe is taken. Their number is fixed and small: every stripe is verified on its own and signed in every checkpoint,
 * and a handful already covers the commits that can overlap on a node's pool.
 */
@Service
public class AuditTrail {

  /**
   * With a stripe's number, the advisory lock that serialises the stripe's writers, so that each entry links to the one
   * committed before it in its stripe ("audi"; the two-key locks are apart from the one-key ones).
   */
  static final int STRIPE_LOCK = 0x61756469;
  static final String STRIPES_PROPERTY = "immunization.audit.chain-stripes";
  static final int DEFAULT_STRIPES = 8;
  static final int MAX_STRIPES = 64;
  static final int USERNAME_LENGTH = 64;
  static final int DETAIL_LENGTH = 2000;
  static final int ADDRESS_LENGTH = 64;
  static final int WRITE_BATCH = 1_000;
  /**
   * The refusals a layer records where it decides them (a wrong password, a missing permission, a four-eyes breach);
   * the API's error handler records every other refusal, and none twice ({@link #refusalRecorded()}).
   */
  private static final Set<AuditOperation> REFUSALS = EnumSet.of(AuditOperation.LOGIN_FAILED,
      AuditOperation.LOGIN_THROTTLED, AuditOperation.PERMISSION_REFUSED, AuditOperation.TASK_REFUSED,
      AuditOperation.REQUEST_REJECTED, AuditOperation.REQUEST_REFUSED);
  private static final String REFUSAL_RECORDED = AuditTrail.class.getName() + ".refusalRecorded";

  /** The link of the stripe's last entry, and the ids of the first batch to follow it. */
  private record ChainEnd(String lastLink, List<Long> firstIds) {}

  /** An event waiting for its transaction's commit. */
  private record Pending(Instant occurredAt, String username, String operation, Long residentId, String clientAddress,
                         String detail) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final AuditChain chain;
  private final int stripes;

  AuditTrail(JdbcTemplate jdbc, Clock clock, AuditChain chain,
             @Value("${" + STRIPES_PROPERTY + ":" + DEFAULT_STRIPES + "}") int stripes) {
    if (stripes < 1 || stripes > MAX_STRIPES) {
      throw new IllegalArgumentException(STRIPES_PROPERTY + " must be between 1 and " + MAX_STRIPES + ", not "
          + stripes);
    }
    this.jdbc = jdbc;
    this.clock = clock;
    this.chain = chain;
    this.stripes = stripes;
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public void record(AuditOperation operation, Long residentId, String detail) {
    append(currentUser(), operation, residentId, detail);
  }

  /** One event per resident, e.g. for every row of a search hit list. */
  @Transactional(propagation = Propagation.REQUIRED)
  public void recordEach(AuditOperation operation, Collection<Long> residentIds, String detail) {
    String user = currentUser();
    residentIds.forEach(id -> append(user, operation, id, detail));
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordRefusal(AuditOperation operation, Long residentId, String detail) {
    markRefusal(operation);
    append(currentUser(), operation, residentId, detail);
  }

  /** For events without a signed-in user in the security context, such as a failed login. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordFor(String username, AuditOperation operation, String detail) {
    markRefusal(operation);
    append(username, operation, null, detail);
  }

  /** Whether the current request's refusal is on the trail already, recorded by the layer that decided it. */
  boolean refusalRecorded() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request != null && request.getAttribute(REFUSAL_RECORDED, RequestAttributes.SCOPE_REQUEST) != null;
  }

  private static void markRefusal(AuditOperation operation) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null && REFUSALS.contains(operation)) {
      request.setAttribute(REFUSAL_RECORDED, operation, RequestAttributes.SCOPE_REQUEST);
    }
  }

  private void append(String username, AuditOperation operation, Long residentId, String detail) {
    Pending event = new Pending(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), clip(username, USERNAME_LENGTH),
        operation.name(), residentId, clip(clientAddress(), ADDRESS_LENGTH), clip(detail, DETAIL_LENGTH));
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(List.of(event));
      return;
    }
    @SuppressWarnings("unchecked")
    List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      List<Pending> events = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(this, events);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void suspend() {
          TransactionSynchronizationManager.unbindResource(AuditTrail.this);
        }

        @Override
        public void resume() {
          TransactionSynchronizationManager.bindResource(AuditTrail.this, events);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
          write(events);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
        }
      });
      pending = events;
    }
    pending.add(event);
  }

  /**
   * Links and writes the events under a stripe's lock, which the commit right after releases. After the lock, one
   * round trip reads the stripe's last link and the first ids, and the rows go in one batch, so that a hit list of 100
   * residents holds the lock for three round trips and the commit, not 200. The previous link must be read by a
   * statement after the lock's: a statement sees only what was committed when it began. The ids are drawn under the
   * lock too, so that a stripe's entries follow each other in the order of their ids.
   */
  private void write(List<Pending> events) {
    if (events.isEmpty()) {
      return;
    }
    int stripe = lockStripe();
    ChainEnd end = jdbc.query("""
        select (select hash from audit_event where stripe = ? order by id desc limit 1), nextval('audit_event_id_seq')
        from generate_series(1, ?) order by 2""", rs -> {
          String last = AuditChain.genesis(stripe);
          List<Long> ids = new ArrayList<>();
          while (rs.next()) {
            last = rs.getString(1) == null ? last : rs.getString(1);
            ids.add(rs.getLong(2));
          }
          return new ChainEnd(last, ids);
        }, stripe, Math.min(events.size(), WRITE_BATCH));
    String previous = end.lastLink();
    // Ids and inserts in batches: a first load of the resident register writes 200,000 events in one transaction.
    for (int from = 0; from < events.size(); from += WRITE_BATCH) {
      List<Pending> batch = events.subList(from, Math.min(events.size(), from + WRITE_BATCH));
      List<Long> ids = from == 0 ? end.firstIds() : jdbc.queryForList(
          "select nextval('audit_event_id_seq') from generate_series(1, ?) order by 1", Long.class, batch.size());
      List<Object[]> rows = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        Pending event = batch.get(i);
        AuditEntry entry = new AuditEntry(ids.get(i), event.occurredAt(), event.username(), event.operation(),
            event.residentId(), event.clientAddress(), event.detail(), previous);
        previous = chain.mac(entry);
        rows.add(new Object[] {entry.id(), Timestamp.from(entry.occurredAt()), entry.username(), entry.operation(),
            entry.residentId(), entry.clientAddress(), entry.detail(), entry.previousHash(), previous, stripe});
      }
      jdbc.batchUpdate("""
          insert into audit_event (id, occurred_at, username, operation, resident_id, client_address, detail,
                                   previous_hash, hash, keyed, stripe)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)""", rows);
    }
  }

  /**
   * Locks the first free stripe, trying them in turn from the connection's own (its backend's pid), in one round trip;
   * when every stripe is taken, waits for one picked at random. The function scan yields the stripes in order and the
   * limit stops at the first lock taken.
   */
  private int lockStripe() {
    List<Integer> free = jdbc.queryForList("""
        select stripe from (select (pg_backend_pid() + n) % ? as stripe from generate_series(0, ? - 1) n) s
        where pg_try_advisory_xact_lock(?, stripe) limit 1""", Integer.class, stripes, stripes, STRIPE_LOCK);
    if (!free.isEmpty()) {
      return free.get(0);
    }
    int stripe = ThreadLocalRandom.current().nextInt(stripes);
    jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, STRIPE_LOCK, stripe);
    return stripe;
  }

  /** Cut to the column's length in characters (code points), marked with an ellipsis. */
  static String clip(String value, int length) {
    if (value == null || value.codePointCount(0, value.length()) <= length) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, length - 1)) + "…";
  }

  private static String currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "system" : authentication.getName();
  }

  private static String clientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
