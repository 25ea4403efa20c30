package jp.lg.immunization.kpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the KPI dashboard.
 *
 * @param closureDays extra days the office is closed (besides weekends, holidays and 12/29-1/3)
 * @param taskSlaDays default SLA of a step, in business days
 * @param processSlaDays default SLA of a whole process, in business days
 * @param taskSla SLA per step (task definition key), overriding the default
 * @param processSla SLA per process (process definition key), overriding the default
 */
@ConfigurationProperties("immunization.kpi")
record KpiProperties(List<LocalDate> closureDays, Integer taskSlaDays, Integer processSlaDays,
                     Map<String, Integer> taskSla, Map<String, Integer> processSla) {

  KpiProperties {
    closureDays = closureDays == null ? List.of() : List.copyOf(closureDays);
    taskSlaDays = taskSlaDays == null ? 5 : taskSlaDays;
    processSlaDays = processSlaDays == null ? 20 : processSlaDays;
    taskSla = taskSla == null ? Map.of() : Map.copyOf(taskSla);
    processSla = processSla == null ? Map.of() : Map.copyOf(processSla);
  }
}
