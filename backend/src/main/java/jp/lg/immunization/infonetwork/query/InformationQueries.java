package jp.lg.immunization.infonetwork.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.infonetwork.LegalBasis;
import jp.lg.immunization.infonetwork.PermitList;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.UserDirectory;
import jp.lg.immunization.workflow.CaseContext;
import jp.lg.immunization.workflow.CaseContextProvider;
import jp.lg.immunization.workflow.CaseStarter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 情報照会 process's case data: the request (checked against the permit list, R15), its revisions
 * after a rejection, the supervisor's approval (R14), and what staff see beside each step.
 */
@Component
class InformationQueries implements CaseStarter<InformationQueries.Request>, CaseContextProvider {

  /** The start form: whom to ask about, what, and on which legal basis. */
  record Request(String addresseeNumber, InformationItem informationItem, LegalBasis legalBasis, String purpose) {}

  static final String PROCESS_KEY = "InformationQuery";
  private static final String REQUEST_PREFIX = "IQ-";

  private final InformationQueryRepository queries;
  private final PermitList permitList;
  private final ResidentDirectory residents;
  private final CurrentUser currentUser;
  private final UserDirectory users;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration answerTimeout;
  private final MoveInQueryProposals proposals;

  InformationQueries(InformationQueryRepository queries, PermitList permitList, ResidentDirectory residents,
                     CurrentUser currentUser, UserDirectory users, AuditTrail audit, JdbcTemplate jdbc,
                     ObjectMapper json, Clock clock,
                     @Value("${immunization.info-network.answer-timeout:PT24H}") Duration answerTimeout,
                     MoveInQueryProposals proposals) {
    this.queries = queries;
    this.permitList = permitList;
    this.residents = residents;
    this.currentUser = currentUser;
    this.users = users;
    this.audit = audit;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.answerTimeout = answerTimeout;
    this.proposals = proposals;
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public StartedCase start(Request request) {
    ResidentDirectory.ResidentRef resident = residents.requireByAddresseeNumber(request.addresseeNumber());
    requirePermitted(request.informationItem(), request.legalBasis());
    String requester = currentUser.get().username();
    InformationQuery query = queries.save(new InformationQuery(resident.id(), request.informationItem(),
        request.legalBasis(), request.purpose(), requester, Instant.now(clock)));
    recordRevision(query, requester);
    proposals.started(resident.id(), request.informationItem());
    // The wait for an answer is fixed when the query starts: a configuration change never moves a running deadline.
    return StartedCase.of(query.id(), resident.id(),
        Map.of("queryId", query.id(), "answerTimeout", answerTimeout.toString()));
  }

  void approve(String businessKey) {
    byBusinessKey(businessKey).approve(currentUser.get().username(), Instant.now(clock));
  }

  /** A rejected query asked again, as a new revision the approver compares with the previous one. */
  void revise(String businessKey, InformationItem item, LegalBasis basis, String purpose) {
    InformationQuery query = byBusinessKey(businessKey);
    requirePermitted(item, basis);
    query.revise(item, basis, purpose);
    recordRevision(query, currentUser.get().username());
  }

  @Override
  @Transactional
  public CaseContext describe(String businessKey) {
    return describeAll(List.of(businessKey)).get(businessKey);
  }

  /**
   * A page of the approval queue in at most five queries, however long: the queries, their residents, the revisions
   * before the current ones, the results and the deleted results.
   */
  @Override
  @Transactional
  public Map<String, CaseContext> describeAll(List<String> businessKeys) {
    Map<Long, InformationQuery> found = new HashMap<>();
    queries.findAllById(businessKeys.stream().map(Long::valueOf).toList())
        .forEach(query -> found.put(query.id(), query));
    List<InformationQuery> described = businessKeys.stream().map(key -> Optional.ofNullable(found.get(Long.valueOf(key)))
        .orElseThrow(() -> ApiException.notFound("照会が見つかりません"))).toList();
    described.forEach(query -> audit.record(AuditOperation.CASE_VIEW, query.residentId(),
        "process=" + PROCESS_KEY + " case=" + query.id()));
    Map<Long, ResidentDirectory.ResidentRef> people = residents.byIds(
        described.stream().map(InformationQuery::residentId).distinct().toList());
    Map<Long, Map<String, Object>> previousRevisions = previousRevisions(described);
    Map<Long, String> results = results(described);
    Set<Long> deletedResults = deletedResults(described.stream().map(InformationQuery::id)
        .filter(id -> !results.containsKey(id)).toList());
    Map<String, CaseContext> contexts = new LinkedHashMap<>();
    for (int i = 0; i < businessKeys.size(); i++) {
      InformationQuery query = described.get(i);
      contexts.put(businessKeys.get(i), context(query, people.get(query.residentId()),
          previousRevisions.get(query.id()), results.get(query.id()), deletedResults.contains(query.id())));
    }
    return contexts;
  }

  private CaseContext context(InformationQuery query, ResidentDirectory.ResidentRef resident,
                              Map<String, Object> previousRevision, String result, boolean resultDeleted) {
    List<CaseContext.Section> sections = new ArrayList<>();
    if (resident != null) {
      sections.add(new CaseContext.Section("照会対象者", List.of(
          row("氏名", resident.nameKanji()),
          row("氏名（カナ）", resident.nameKana()),
          row("生年月日", JapaneseDates.format(resident.birthDate())),
          row("宛名番号", resident.addresseeNumber()))));
    }
    sections.add(new CaseContext.Section("照会内容（第" + query.revision() + "版）", List.of(
        row("照会する情報", query.informationItem().label()),
        row("根拠規定", query.legalBasis().label()),
        row("照会の目的", query.purpose()),
        row("依頼者", users.displayName(query.requestedBy())),
        row("依頼日時", JapaneseDates.format(query.requestedAt())))));
    if (previousRevision != null) {
      sections.add(changesSince(previousRevision, query));
    }
    if (query.approvedBy() != null) {
      sections.add(new CaseContext.Section("承認", List.of(
          row("承認者", users.displayName(query.approvedBy())), row("承認日時", JapaneseDates.format(query.approvedAt())))));
    }
    if (result != null) {
      List<CaseContext.Row> rows = new ArrayList<>();
      rows.add(row("受信日時", JapaneseDates.format(query.answeredAt())));
      readJson(result).forEach((key, value) -> rows.add(row(ResultLabels.label(key), String.valueOf(value))));
      sections.add(new CaseContext.Section("照会結果（中間サーバー・シミュレーター）", rows));
    } else if (resultDeleted) {
      sections.add(new CaseContext.Section("照会結果", List.of(row("結果", "保存期間の経過により削除済み"))));
    }
    return new CaseContext("情報照会 #" + query.id() + "（" + query.status().label() + "）", sections);
  }

  @Override
  public Map<String, Object> formData(String businessKey, String taskKey) {
    if (!ReviseQuery.TASK.equals(taskKey)) {
      return Map.of();
    }
    InformationQuery query = byBusinessKey(businessKey);
    return Map.of("informationItem", query.informationItem().name(), "legalBasis", query.legalBasis().name(),
        "purpose", query.purpose());
  }

  InformationQuery byBusinessKey(String businessKey) {
    return queries.findById(Long.parseLong(businessKey)).orElseThrow(() -> ApiException.notFound("照会が見つかりません"));
  }

  static String requestIdOf(long queryId) {
    return REQUEST_PREFIX + queryId;
  }

  static long queryIdOf(String requestId) {
    return Long.parseLong(requestId.substring(REQUEST_PREFIX.length()));
  }

  /** R15: only what the permit list allows for this affair can be asked at all. */
  private void requirePermitted(InformationItem item, LegalBasis basis) {
    PermitList.Verdict verdict = permitList.query(item, basis);
    if (!verdict.permitted()) {
      throw ApiException.invalid("照会許可用照合リストにない照会は依頼できません（" + item.label() + "／" + basis.label()
          + "：" + verdict.reason() + "）", Map.of("informationItem", verdict.reason()));
    }
  }

  private void recordRevision(InformationQuery query, String username) {
    jdbc.update("""
        insert into information_query_revision (query_id, revision, information_item, legal_basis, purpose, revised_by,
                                                revised_at) values (?, ?, ?, ?, ?, ?, ?)""",
        query.id(), query.revision(), query.informationItem().name(), query.legalBasis().name(), query.purpose(),
        username, Timestamp.from(Instant.now(clock)));
  }

  /** The revision before the current one of each query revised after a rejection, by query id. */
  private Map<Long, Map<String, Object>> previousRevisions(List<InformationQuery> described) {
    List<InformationQuery> revised = described.stream().filter(query -> query.revision() >= 2).toList();
    Map<Long, Map<String, Object>> previous = new HashMap<>();
    if (!revised.isEmpty()) {
      jdbc.query("""
          select r.query_id, r.information_item, r.legal_basis, r.purpose
          from information_query_revision r
          join unnest(?::bigint[], ?::int[]) as wanted(query_id, revision)
            on r.query_id = wanted.query_id and r.revision = wanted.revision""",
          rs -> {
            previous.put(rs.getLong(1), Map.of("information_item", rs.getString(2), "legal_basis", rs.getString(3),
                "purpose", rs.getString(4)));
          }, revised.stream().map(InformationQuery::id).toArray(Long[]::new),
          revised.stream().map(query -> query.revision() - 1).toArray(Integer[]::new));
    }
    return previous;
  }

  /** What an approver must look at again after a rejection. */
  private static CaseContext.Section changesSince(Map<String, Object> previous, InformationQuery query) {
    List<CaseContext.Row> rows = new ArrayList<>();
    InformationItem previousItem = InformationItem.valueOf((String) previous.get("information_item"));
    LegalBasis previousBasis = LegalBasis.valueOf((String) previous.get("legal_basis"));
    if (previousItem != query.informationItem()) {
      rows.add(row("照会する情報", previousItem.label() + " → " + query.informationItem().label()));
    }
    if (previousBasis != query.legalBasis()) {
      rows.add(row("根拠規定", previousBasis.label() + " → " + query.legalBasis().label()));
    }
    if (!previous.get("purpose").equals(query.purpose())) {
      rows.add(row("照会の目的", previous.get("purpose") + " → " + query.purpose()));
    }
    if (rows.isEmpty()) {
      rows.add(row("変更点", "内容の変更なし（再提出）"));
    }
    return new CaseContext.Section("前回の差戻しからの変更点", rows);
  }

  /** The result payload of each answered query, by query id. */
  private Map<Long, String> results(List<InformationQuery> described) {
    Map<Long, String> payloads = new HashMap<>();
    jdbc.query("select query_id, payload::text from query_result where query_id = any(?)",
        rs -> {
          payloads.putIfAbsent(rs.getLong(1), rs.getString(2));
        }, (Object) described.stream().map(InformationQuery::id).toArray(Long[]::new));
    return payloads;
  }

  /** Which of these queries had their result deleted at the end of its retention. */
  private Set<Long> deletedResults(List<Long> queryIds) {
    return queryIds.isEmpty() ? Set.of() : new HashSet<>(jdbc.queryForList(
        "select query_id from query_result_deletion where query_id = any(?)", Long.class,
        (Object) queryIds.toArray(Long[]::new)));
  }

  private Map<String, Object> readJson(String text) {
    try {
      return json.readValue(text, new TypeReference<>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CaseContext.Row row(String label, String value) {
    return new CaseContext.Row(label, value);
  }
}
