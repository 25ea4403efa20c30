package jp.lg.immunization.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.audit.ResidentAccessLog;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.resident.ResidentCaseSection;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.UserDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data a request concerns, collected once the requester's identity is confirmed (R28): the resident's records as
 * the case page shows them (identity without 個人番号, and every section other modules contribute: doses, eligibility,
 * ...) and who accessed them, kept as a JSON snapshot on the request, so that what is disclosed is what was held then.
 */
@Service
class DisclosurePackages {

  /** Names of the contributed sections as the package shows them; a section added later appears under its own name. */
  static final Map<String, String> SECTION_TITLES = Map.of(
      "doses", "接種記録", "eligibility", "接種可能範囲（定期接種）");

  private final JdbcTemplate jdbc;
  private final ResidentRequests requests;
  private final ResidentDirectory residents;
  private final List<ResidentCaseSection> sections;
  private final ResidentAccessLog accessLog;
  private final UserDirectory users;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;

  DisclosurePackages(JdbcTemplate jdbc, ResidentRequests requests, ResidentDirectory residents,
                     List<ResidentCaseSection> sections, ResidentAccessLog accessLog, UserDirectory users,
                     CurrentUser currentUser, AuditTrail audit, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.residents = residents;
    this.sections = sections;
    this.accessLog = accessLog;
    this.users = users;
    this.currentUser = currentUser;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** Collects the snapshot; a request collected already keeps the first one (the delegate may run again). */
  @Transactional
  void collect(long requestId) {
    if (exists(requestId)) {
      return;
    }
    ResidentRequest request = requests.byId(requestId);
    ResidentDirectory.ResidentRef resident = residents.byId(request.residentId()).orElseThrow();
    Instant now = Instant.now(clock);
    ObjectNode content = json.createObjectNode();
    content.put("collectedAt", now.toString());
    ObjectNode identity = content.putObject("resident");
    identity.put("addresseeNumber", resident.addresseeNumber());
    identity.put("name", resident.nameKanji());
    identity.put("nameKana", resident.nameKana());
    identity.put("birthDate", resident.birthDate().toString());
    identity.put("sex", "MALE".equals(resident.sex()) ? "男" : "女");
    identity.put("living", resident.living());
    ObjectNode records = content.putObject("sections");
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    sections.forEach(section -> records.set(section.name(), json.valueToTree(section.content(resident, today))));
    List<ResidentAccessLog.Access> accesses = accessLog.of(resident.id());
    var accessList = content.putArray("accesses");
    accesses.forEach(access -> accessList.addObject()
        .put("occurredAt", access.occurredAt().toString())
        .put("user", users.displayName(access.username()))
        .put("operation", access.operation()));
    content.put("accessesComplete", accesses.size() < ResidentAccessLog.LIMIT);
    String user = currentUser.get().username();
    jdbc.update("""
        insert into resident_request_package (request_id, content, collected_at, collected_by)
        values (?, cast(? as jsonb), ?, ?)""", requestId, write(content), Timestamp.from(now), user);
    audit.record(AuditOperation.RESIDENT_REQUEST_UPDATED, resident.id(), "request=" + requestId + " package collected");
  }

  boolean exists(long requestId) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "select exists (select 1 from resident_request_package where request_id = ?)", Boolean.class, requestId));
  }

  /** The snapshot for staff handling the request; every view is audited (R04). */
  @Transactional
  JsonNode view(long requestId) {
    ResidentRequest request = requests.byId(requestId);
    JsonNode content = stored(requestId);
    audit.record(AuditOperation.RESIDENT_REQUEST_VIEW, request.residentId(), "request=" + requestId + " package");
    return content;
  }

  JsonNode stored(long requestId) {
    String content = jdbc.queryForList("select content::text from resident_request_package where request_id = ?",
        String.class, requestId).stream().findFirst()
        .orElseThrow(() -> ApiException.notFound("この請求の対象情報はまだ収集されていません（本人確認の後に収集されます）"));
    try {
      return json.readTree(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(JsonNode content) {
    try {
      return json.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
