/**
 * Managers' KPI dashboard: workload, throughput, cycle and waiting times, SLA breaches counted in business days
 * of a Japanese calendar, approvals and vaccination coverage. Reads the task read model (task_view), the engine's
 * history (ACT_HI_PROCINST) and process definitions (ACT_RE_PROCDEF), so every process that exists, or is added
 * later, appears without code changes. Answers hold counts and durations only, never residents' data.
 */
package jp.lg.immunization.kpi;
