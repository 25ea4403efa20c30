package jp.lg.immunization.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox table: what {@link Outbound} calls record, what {@link OutboundAnswer} marks answered, and what
 * {@link OutboundRelay} sends again. Arguments are stored as JSON because they are what is sent again; they may name
 * the person asked about, so they are never logged and the rows are deleted after {@code immunization.outbound.keep}.
 */
@Component
class OutboundCalls {

  record Due(long id, String system, String port, String method, String requestId, JsonNode arguments, int sends) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Duration resendAfter;

  OutboundCalls(JdbcTemplate jdbc, ObjectMapper json,
                @Value("${immunization.outbound.resend-after:PT5M}") Duration resendAfter) {
    this.jdbc = jdbc;
    this.json = json;
    this.resendAfter = resendAfter;
  }

  /** In the caller's transaction: a call sent again (a job run twice) updates its entry unless it was answered. */
  void recordSent(Outbound outbound, Class<?> port, Method method, Object[] arguments) {
    boolean awaits = outbound.awaitsAnswer();
    jdbc.update("""
        insert into outbound_call (system, port, method, request_id, arguments, status, sent_at, next_send_at)
        values (?, ?, ?, ?, ?::jsonb, ?, now(), case when ? then now() + ? * interval '1 millisecond' end)
        on conflict (port, method, request_id) do update
          set sends = outbound_call.sends + 1, sent_at = now(), next_send_at = excluded.next_send_at,
              arguments = excluded.arguments, last_error = null
          where outbound_call.status = 'AWAITING_ANSWER'""",
        outbound.system(), port.getName(), method.getName(), requestIdOf(arguments), toJson(arguments),
        awaits ? "AWAITING_ANSWER" : "DELIVERED", awaits, resendAfter.toMillis());
  }

  /** In the receiver's transaction. */
  void recordAnswer(String system, String requestId) {
    jdbc.update("""
        update outbound_call set status = 'ANSWERED', answered_at = coalesce(answered_at, now()),
                                 answers = answers + 1, next_send_at = null
        where system = ? and request_id = ? and status in ('AWAITING_ANSWER', 'ANSWERED', 'UNANSWERED')""",
        system, requestId);
  }

  List<Long> due(int limit) {
    return jdbc.queryForList("""
        select id from outbound_call where status = 'AWAITING_ANSWER' and next_send_at <= now()
        order by next_send_at limit ?""", Long.class, limit);
  }

  /** The entry if it is still due and no other node is sending it now (the caller holds the row until commit). */
  Optional<Due> lockIfDue(long id) {
    return jdbc.query("""
        select id, system, port, method, request_id, arguments::text, sends from outbound_call
        where id = ? and status = 'AWAITING_ANSWER' and next_send_at <= now()
        for update skip locked""", (rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), readTree(rs.getString(6)), rs.getInt(7)), id).stream().findFirst();
  }

  void sentAgain(long id, String error) {
    jdbc.update("""
        update outbound_call set sends = sends + 1, sent_at = now(), last_error = ?,
                                 next_send_at = now() + ? * interval '1 millisecond'
        where id = ?""", error, resendAfter.toMillis(), id);
  }

  /** Entries unanswered for this long stop being sent: the case's own timeout has long since taken over. */
  int giveUp(Duration after) {
    return jdbc.update("""
        update outbound_call set status = 'UNANSWERED', next_send_at = null
        where status = 'AWAITING_ANSWER' and created_at < now() - ? * interval '1 millisecond'""", after.toMillis());
  }

  int deleteEnded(Duration keep) {
    return jdbc.update("""
        delete from outbound_call where status <> 'AWAITING_ANSWER'
          and created_at < now() - ? * interval '1 millisecond'""", keep.toMillis());
  }

  Object[] arguments(Method method, JsonNode arguments) {
    Type[] types = method.getGenericParameterTypes();
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      values[i] = json.convertValue(arguments.get(i), json.getTypeFactory().constructType(types[i]));
    }
    return values;
  }

  /** Per system: calls awaiting their answer, sent once and sent more than once. */
  Map<String, long[]> backlog() {
    Map<String, long[]> values = new HashMap<>();
    jdbc.query("""
        select system, count(*) filter (where sends = 1), count(*) filter (where sends > 1) from outbound_call
        where status = 'AWAITING_ANSWER' group by system""",
        rs -> {
          values.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
    return values;
  }

  static String requestIdOf(Object[] arguments) {
    if (arguments.length == 0 || arguments[0] == null) {
      throw new IllegalArgumentException("An outbound call needs a request id as its first argument");
    }
    Object first = arguments[0];
    if (first instanceof String requestId) {
      return requestId;
    }
    RecordComponent[] components = first.getClass().getRecordComponents();
    if (components == null || components.length == 0) {
      throw new IllegalArgumentException("An outbound call's first argument is neither a request id nor a record");
    }
    try {
      Method accessor = components[0].getAccessor();
      // Ports' records are often nested in package-private interfaces of their modules.
      accessor.setAccessible(true);
      return String.valueOf(accessor.invoke(first));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The request id of " + first.getClass().getSimpleName() + " is unreadable", e);
    }
  }

  private String toJson(Object[] arguments) {
    try {
      return json.writeValueAsString(arguments);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An outbound call's arguments cannot be stored", e);
    }
  }

  private JsonNode readTree(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An outbox entry's arguments are unreadable", e);
    }
  }
}
