package jp.lg.immunization.resident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Permission;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds residents and records every hit and every view in the audit trail (R04). */
@Service
class ResidentSearch {

  record Criteria(String name, LocalDate birthDate, String addresseeNumber) {

    boolean isEmpty() {
      return (name == null || name.isBlank()) && birthDate == null
          && (addresseeNumber == null || addresseeNumber.isBlank());
    }

    /** Which criteria were used, never their values: the audit trail holds no personal data. */
    String usedCriteria() {
      List<String> used = new ArrayList<>();
      if (name != null && !name.isBlank()) used.add("name");
      if (birthDate != null) used.add("birthDate");
      if (addresseeNumber != null && !addresseeNumber.isBlank()) used.add("addresseeNumber");
      return String.join(",", used);
    }
  }

  static final int MAX_PAGE_SIZE = 100;

  private final ResidentRepository residents;
  private final JdbcTemplate jdbc;
  private final MyNumberProtector protector;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  ResidentSearch(ResidentRepository residents, JdbcTemplate jdbc, MyNumberProtector protector,
                 CurrentUser currentUser, AuditTrail audit) {
    this.residents = residents;
    this.jdbc = jdbc;
    this.protector = protector;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** 個人番号 unmasked, for one resident, to a user with the permission for it; every reveal is audited (R06). */
  @Transactional
  String revealMyNumber(long id) {
    currentUser.require(Permission.REVEAL_MY_NUMBER, "my-number reveal");
    Resident resident = residents.findById(id).orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
    if (!resident.hasMyNumber()) {
      throw ApiException.notFound("この住民の個人番号は登録されていません");
    }
    audit.record(AuditOperation.MY_NUMBER_REVEAL, id, null);
    return protector.decrypt(resident.myNumberCipher()).digits();
  }

  @Transactional
  ResidentViews.Page search(Criteria criteria, int page, int size) {
    if (criteria.isEmpty()) {
      throw ApiException.invalid("検索条件を1つ以上入力してください", Map.of("name", "検索条件を入力してください"));
    }
    if (criteria.name() != null && !criteria.name().isBlank() && Resident.normalise(criteria.name()).isEmpty()) {
      throw ApiException.invalid("氏名の検索語が空です", Map.of("name", "氏名の一部を入力してください"));
    }
    int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    int pageNumber = Math.max(page, 0);
    Query query = Query.of(criteria);
    // The page and the number of matches in one pass over the matches: a part of two kana finds thousands. Only the
    // sort keys of every match are counted and sorted; the listed columns are read for the page's rows alone.
    List<Object> args = new ArrayList<>(query.orderArgs());
    args.addAll(query.args());
    args.add(pageSize);
    args.add((long) pageNumber * pageSize);
    long[] total = {-1};
    List<ResidentViews.Summary> items = jdbc.query("select r.id, r.addressee_number, r.family_name_kanji,"
        + " r.given_name_kanji, r.family_name_kana, r.given_name_kana, r.birth_date, r.sex, r.address, r.status,"
        + " r.my_number_cipher is not null as has_my_number, page.total"
        + " from (select id, family_name_kana, given_name_kana, " + query.startsWithPart() + " as starts_with_part,"
        + " count(*) over () as total from resident where " + query.where()
        + " order by starts_with_part desc, family_name_kana, given_name_kana, id limit ? offset ?) page"
        + " join resident r on r.id = page.id"
        + " order by page.starts_with_part desc, page.family_name_kana, page.given_name_kana, page.id",
        (rs, n) -> {
          total[0] = rs.getLong("total");
          PersonName name = new PersonName(rs.getString("family_name_kanji"), rs.getString("given_name_kanji"),
              rs.getString("family_name_kana"), rs.getString("given_name_kana"));
          return new ResidentViews.Summary(rs.getLong("id"), rs.getString("addressee_number"), name.fullKanji(),
              name.fullKana(), rs.getObject("birth_date", LocalDate.class), Sex.valueOf(rs.getString("sex")),
              rs.getString("address"), ResidentStatus.valueOf(rs.getString("status")),
              rs.getBoolean("has_my_number") ? ResidentViews.MY_NUMBER_MASK : null);
        }, args.toArray());
    if (total[0] < 0) {
      // No row to carry the count: none at all, or a page past the last, whose matches are counted alone.
      total[0] = pageNumber == 0 ? 0 : jdbc.queryForObject("select count(*) from resident where " + query.where(), Long.class,
          query.args().toArray());
    }
    audit.recordEach(AuditOperation.RESIDENT_SEARCH_HIT, items.stream().map(ResidentViews.Summary::id).toList(),
        "criteria=" + criteria.usedCriteria());
    return new ResidentViews.Page(items, pageNumber, pageSize, total[0]);
  }

  @Transactional
  ResidentViews.Detail view(long id) {
    Resident resident = residents.findById(id).orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
    audit.record(AuditOperation.RESIDENT_VIEW, id, null);
    return ResidentViews.Detail.of(resident);
  }

  /** The criteria as SQL: names that start with the text first (ヤマ finds ヤマダ before コヤマ), then by kana. */
  private record Query(String where, List<Object> args, String startsWithPart, List<Object> orderArgs) {

    static Query of(Criteria criteria) {
      List<String> predicates = new ArrayList<>();
      List<Object> args = new ArrayList<>();
      String startsWithPart = "false";
      List<Object> orderArgs = new ArrayList<>();
      if (criteria.name() != null && !criteria.name().isBlank()) {
        String part = Resident.normalise(criteria.name());
        String escaped = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        // The name-gram index (V66) narrows the register to the candidates; the LIKE is the exact test.
        predicates.add("resident_name_may_contain(search_text, ?) and search_text like ?");
        args.addAll(List.of(part, "%" + escaped + "%"));
        // search_text is "kanji kana": a name starting with the text starts either half.
        startsWithPart = "(search_text like ? or search_text like ?)";
        orderArgs.addAll(List.of(escaped + "%", "% " + escaped + "%"));
      }
      if (criteria.birthDate() != null) {
        predicates.add("birth_date = ?");
        args.add(criteria.birthDate());
      }
      if (criteria.addresseeNumber() != null && !criteria.addresseeNumber().isBlank()) {
        predicates.add("addressee_number = ?");
        args.add(criteria.addresseeNumber().trim());
      }
      return new Query(String.join(" and ", predicates), args, startsWithPart, orderArgs);
    }
  }
}
