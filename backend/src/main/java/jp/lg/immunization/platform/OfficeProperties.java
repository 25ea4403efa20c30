package jp.lg.immunization.platform;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the office is open.
 *
 * @param closureDays extra days the office is closed (besides weekends, 国民の祝日 and 12/29-1/3)
 * @param opensAt start of office hours on a business day
 * @param closesAt end of office hours on a business day
 */
@ConfigurationProperties("immunization.office")
record OfficeProperties(List<LocalDate> closureDays, LocalTime opensAt, LocalTime closesAt) {

  OfficeProperties {
    closureDays = closureDays == null ? List.of() : List.copyOf(closureDays);
    opensAt = opensAt == null ? LocalTime.of(8, 30) : opensAt;
    closesAt = closesAt == null ? LocalTime.of(17, 15) : closesAt;
    if (!opensAt.isBefore(closesAt)) {
      throw new IllegalArgumentException("immunization.office.opens-at must be before closes-at");
    }
  }
}
