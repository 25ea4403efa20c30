package jp.lg.immunization.resident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
  /**
   * Matches are counted up to here, and the UI shows more as 「1,000件以上」: counting a part as common as ヤマ read every
   * one of its 24,000 matches on every search.
   */
  static final int COUNT_LIMIT = 1000;
  /** How deep the pages of a part with more matches than counted are first looked for among the names it starts. */
  static final int PREFIX_DEPTH = 100;
  /** The kana half of search_text, ordered by code point whatever the database's collation (V98 indexes it). */
  private static final String KANA = "(split_part(search_text, ' ', 2) collate \"C\")";
  private static final String TEXT = "(search_text collate \"C\")";
  /** Names that start with the part first (ヤマ finds ヤマダ before コヤマ), in either half of search_text. */
  private static final String PREFIX_FIRST = "(starts_with(search_text, ?) or starts_with(" + KANA + ", ?)) desc, "
      + KANA;

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
    long matches = countUpToLimit(query);
    boolean moreThanCounted = matches > COUNT_LIMIT;
    long offset = (long) pageNumber * pageSize;
    List<Long> inOrder = moreThanCounted && query.nameOnly() && offset + pageSize <= PREFIX_DEPTH
        ? firstMatches(query.part(), (int) offset + pageSize) : List.of();
    List<Long> ids = inOrder.size() == offset + pageSize ? inOrder.subList((int) offset, inOrder.size())
        : jdbc.queryForList("select id from resident where " + query.where() + " order by " + PREFIX_FIRST
            + ", id limit ? offset ?", Long.class, append(append(query.args(), query.orderPart(), query.orderPart()),
            pageSize, offset));
    List<ResidentViews.Summary> items = summaries(ids);
    audit.recordEach(AuditOperation.RESIDENT_SEARCH_HIT, items.stream().map(ResidentViews.Summary::id).toList(),
        "criteria=" + criteria.usedCriteria());
    return new ResidentViews.Page(items, pageNumber, pageSize, Math.min(matches, COUNT_LIMIT), moreThanCounted);
  }

  /**
   * Matches counted up to one past the limit: a part as common as ヤマ matches tens of thousands, each a row to read.
   * For a name alone, a subset read from an index first: the names whose kanji or kana half starts with the part, or
   * whose kana has it inside after its first pair of characters (V99). Only a part with fewer matches in each is
   * counted through the name-gram index, which reads every counted row.
   */
  private long countUpToLimit(Query query) {
    if (query.nameOnly() && hasMoreThanCountedInAnIndex(query.part())) {
      return COUNT_LIMIT + 1;
    }
    return jdbc.queryForObject("select count(*) from (select from resident where " + query.where()
        + " limit ?) counted", Long.class, append(query.args(), COUNT_LIMIT + 1));
  }

  /** PostgreSQL evaluates the subqueries one after another and stops at the first over the limit. */
  private boolean hasMoreThanCountedInAnIndex(String part) {
    String successor = successor(part);
    return Boolean.TRUE.equals(jdbc.queryForObject("select"
        + " (select count(*) from (select from resident where " + KANA + " >= ? and " + KANA + " < ? limit ?) kana) > ?"
        + " or (select count(*) from (select from resident where " + TEXT + " >= ? and " + TEXT + " < ? limit ?) text) > ?"
        + " or (select count(*) from (select from resident_name_inner_gram where gram = ? and strpos(kana, ?) > 0"
        + " limit ?) inside) > ?", Boolean.class, part, successor, COUNT_LIMIT + 1, COUNT_LIMIT, part, successor,
        COUNT_LIMIT + 1, COUNT_LIMIT, firstPair(part), part, COUNT_LIMIT + 1, COUNT_LIMIT));
  }

  /**
   * The first {@code wanted} matches of a name part in the search's order: the names it starts, then, if those are
   * fewer, the names it is inside of, in kana order from V99 rather than sorted. A single character has no pair there.
   */
  private List<Long> firstMatches(String part, int wanted) {
    List<Long> prefixed = prefixMatches(part, wanted);
    if (prefixed.size() == wanted || part.codePointCount(0, part.length()) < 2) {
      return prefixed;
    }
    List<Long> matches = new ArrayList<>(prefixed);
    matches.addAll(innerMatches(part, wanted - prefixed.size()));
    return matches;
  }

  /**
   * The first {@code wanted} residents that have the part inside a name and start neither half with it, in kana order.
   * Wherever the part is inside a word of search_text, its first pair of characters does not start the word, so
   * V99 holds it; the resident's own row confirms the whole part.
   */
  private List<Long> innerMatches(String part, int wanted) {
    return jdbc.queryForList("select inner_gram.resident_id from resident_name_inner_gram inner_gram"
        + " join resident on resident.id = inner_gram.resident_id where inner_gram.gram = ?"
        + " and strpos(search_text, ?) > 0 and not starts_with(search_text, ?) and not starts_with(" + KANA + ", ?)"
        + " order by inner_gram.kana, inner_gram.resident_id limit ?",
        Long.class, firstPair(part), part, part, part, wanted);
  }

  private static String firstPair(String part) {
    return part.substring(0, part.offsetByCodePoints(0, Math.min(2, part.codePointCount(0, part.length()))));
  }

  /** Whatever starts with the part sorts from the part itself up to here: its last character one code point further. */
  private static String successor(String part) {
    return part.substring(0, part.offsetByCodePoints(part.length(), -1))
        + Character.toString(part.codePointBefore(part.length()) + 1);
  }

  /**
   * The first {@code wanted} names that start with the part, in the search's order, or all of them if fewer: read in
   * order from the kana-order index (V98), where they are a range, instead of sorting every match. Whatever starts with
   * the part sorts from the part itself up to its successor (its last character one code point further). The names
   * whose kanji half starts with the part are read from their own range first and sorted: walking the kana order for
   * them instead, as PostgreSQL chose for a kanji part, passed most of the register (山田 sorts as ヤマダ).
   */
  private List<Long> prefixMatches(String part, int wanted) {
    String successor = successor(part);
    return jdbc.queryForList("with kanji_prefixed as materialized (select id, " + KANA + " as kana from resident"
        + " where " + TEXT + " >= ? and " + TEXT + " < ? and not (" + KANA + " >= ? and " + KANA + " < ?))"
        + " select id from ((select id, " + KANA + " as kana from resident where " + KANA + " >= ? and " + KANA
        + " < ? order by " + KANA + ", id limit ?) union all (select id, kana from kanji_prefixed"
        + " order by kana, id limit ?)) prefixed order by kana, id limit ?",
        Long.class, part, successor, part, successor, part, successor, wanted, wanted, wanted);
  }

  /** The listed residents' columns, in the order of {@code ids}; one removed since its id was read is left out. */
  private List<ResidentViews.Summary> summaries(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, ResidentViews.Summary> byId = new HashMap<>();
    jdbc.query("select id, addressee_number, family_name_kanji, given_name_kanji, family_name_kana, given_name_kana,"
        + " birth_date, sex, address, status, my_number_cipher is not null as has_my_number from resident"
        + " where id = any(?)", rs -> {
          PersonName name = new PersonName(rs.getString("family_name_kanji"), rs.getString("given_name_kanji"),
              rs.getString("family_name_kana"), rs.getString("given_name_kana"));
          byId.put(rs.getLong("id"), new ResidentViews.Summary(rs.getLong("id"), rs.getString("addressee_number"),
              name.fullKanji(), name.fullKana(), rs.getObject("birth_date", LocalDate.class),
              Sex.valueOf(rs.getString("sex")), rs.getString("address"), ResidentStatus.valueOf(rs.getString("status")),
              rs.getBoolean("has_my_number") ? ResidentViews.MY_NUMBER_MASK : null));
        }, (Object) ids.toArray(Long[]::new));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  private static Object[] append(List<Object> args, Object... more) {
    List<Object> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray();
  }

  private static Object[] append(Object[] args, Object... more) {
    return append(List.of(args), more);
  }

  @Transactional
  ResidentViews.Detail view(long id) {
    Resident resident = residents.findById(id).orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
    audit.record(AuditOperation.RESIDENT_VIEW, id, null);
    return ResidentViews.Detail.of(resident);
  }

  /**
   * The criteria as SQL. A name part is a literal substring of search_text ("kanji kana"): {@code part} is null without
   * one, and {@link #PREFIX_FIRST} takes it twice.
   */
  private record Query(String where, List<Object> args, String part, boolean nameOnly) {

    static Query of(Criteria criteria) {
      List<String> predicates = new ArrayList<>();
      List<Object> args = new ArrayList<>();
      String part = null;
      if (criteria.name() != null && !criteria.name().isBlank()) {
        part = Resident.normalise(criteria.name());
        // The name-gram index (V66) narrows the register to the candidates; strpos is the exact test.
        predicates.add("resident_name_may_contain(search_text, ?) and strpos(search_text, ?) > 0");
        args.addAll(List.of(part, part));
      }
      if (criteria.birthDate() != null) {
        predicates.add("birth_date = ?");
        args.add(criteria.birthDate());
      }
      if (criteria.addresseeNumber() != null && !criteria.addresseeNumber().isBlank()) {
        predicates.add("addressee_number = ?");
        args.add(criteria.addresseeNumber().trim());
      }
      return new Query(String.join(" and ", predicates), args, part, part != null && predicates.size() == 1);
    }

    /** Without a part, every name starts with the empty one: the order is by kana alone. */
    String orderPart() {
      return part == null ? "" : part;
    }
  }
}
