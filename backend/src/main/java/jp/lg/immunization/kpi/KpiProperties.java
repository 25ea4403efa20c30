package jp.lg.immunization.kpi;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the KPI dashboard.
 *
 * @param taskSlaDays default SLA of a step, in business days
 * @param processSlaDays default SLA of a whole process, in business days
 * @param taskSla SLA per step (task definition key), overriding the default
 * @param processSla SLA per process (process definition key), overriding the default
 * @param coverageMinCell the fewest residents a coverage cell may show; smaller cells are suppressed
 */
@ConfigurationProperties("immunization.kpi")
record KpiProperties(Integer taskSlaDays, Integer processSlaDays,
                     Map<String, Integer> taskSla, Map<String, Integer> processSla, Integer coverageMinCell) {

  KpiProperties {
    taskSlaDays = taskSlaDays == null ? 5 : taskSlaDays;
    processSlaDays = processSlaDays == null ? 20 : processSlaDays;
    taskSla = taskSla == null ? Map.of() : Map.copyOf(taskSla);
    processSla = processSla == null ? Map.of() : Map.copyOf(processSla);
    coverageMinCell = coverageMinCell == null ? 10 : coverageMinCell;
  }
}
