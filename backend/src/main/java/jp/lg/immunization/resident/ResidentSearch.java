package jp.lg.immunization.resident;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Permission;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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
  private final MyNumberProtector protector;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  ResidentSearch(ResidentRepository residents, MyNumberProtector protector, CurrentUser currentUser,
                 AuditTrail audit) {
    this.residents = residents;
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
    // Ordered by the specification: names that start with the text first (ヤマ finds ヤマダ before コヤマ).
    var result = residents.findAll(specification(criteria), PageRequest.of(Math.max(page, 0), pageSize, Sort.unsorted()));
    List<ResidentViews.Summary> items = result.map(ResidentViews.Summary::of).getContent();
    audit.recordEach(AuditOperation.RESIDENT_SEARCH_HIT, items.stream().map(ResidentViews.Summary::id).toList(),
        "criteria=" + criteria.usedCriteria());
    return new ResidentViews.Page(items, result.getNumber(), pageSize, result.getTotalElements());
  }

  @Transactional
  ResidentViews.Detail view(long id) {
    Resident resident = residents.findById(id).orElseThrow(() -> ApiException.notFound("住民が見つかりません"));
    audit.record(AuditOperation.RESIDENT_VIEW, id, null);
    return ResidentViews.Detail.of(resident);
  }

  private static Specification<Resident> specification(Criteria criteria) {
    return (root, query, cb) -> {
      List<Predicate> predicates = new ArrayList<>();
      List<Order> order = new ArrayList<>();
      if (criteria.name() != null && !criteria.name().isBlank()) {
        String escaped = Resident.normalise(criteria.name()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        predicates.add(cb.like(root.get("searchText"), "%" + escaped + "%", '\\'));
        // search_text is "kanji kana": a name starting with the text starts either half.
        Expression<Integer> startsWith = cb.<Integer>selectCase()
            .when(cb.or(cb.like(root.get("searchText"), escaped + "%", '\\'),
                cb.like(root.get("searchText"), "% " + escaped + "%", '\\')), 0)
            .otherwise(1);
        order.add(cb.asc(startsWith));
      }
      order.addAll(List.of(cb.asc(root.get("familyNameKana")), cb.asc(root.get("givenNameKana")),
          cb.asc(root.get("id"))));
      // The count query drops this order by itself.
      query.orderBy(order);
      if (criteria.birthDate() != null) {
        predicates.add(cb.equal(root.get("birthDate"), criteria.birthDate()));
      }
      if (criteria.addresseeNumber() != null && !criteria.addresseeNumber().isBlank()) {
        predicates.add(cb.equal(root.get("addresseeNumber"), criteria.addresseeNumber().trim()));
      }
      return cb.and(predicates.toArray(Predicate[]::new));
    };
  }
}
