package jp.lg.immunization.illness;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.lg.immunization.vaccination.Eligibility;
import jp.lg.immunization.vaccination.EligibilityExtensions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The extensions of the cases in force (approved, and not revoked: a proposed revocation changes nothing until it is
 * approved), as eligibility and dose validation read them.
 */
@Component
class ApprovedExtensions implements EligibilityExtensions {

  private record Row(long residentId, Eligibility.Extension extension) {}

  private static final String SELECT = """
      select e.resident_id, v.vaccine_code, v.extended_until
      from illness_exception e join illness_exception_vaccine v on v.exception_id = e.id
      where e.status in ('IN_FORCE', 'REVOCATION_PENDING') and e.resident_id = any (?)
      order by e.resident_id, v.vaccine_code, v.extended_until""";

  private final JdbcTemplate jdbc;

  ApprovedExtensions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Eligibility.Extension> of(long residentId) {
    return ofResidents(List.of(residentId)).getOrDefault(residentId, List.of());
  }

  @Override
  public Map<Long, List<Eligibility.Extension>> ofResidents(Collection<Long> residentIds) {
    if (residentIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.query(SELECT, (rs, n) -> new Row(rs.getLong(1), new Eligibility.Extension(rs.getString(2),
            rs.getDate(3).toLocalDate())), (Object) residentIds.toArray(Long[]::new)).stream()
        .collect(Collectors.groupingBy(Row::residentId,
            Collectors.mapping(Row::extension, Collectors.toUnmodifiableList())));
  }
}
