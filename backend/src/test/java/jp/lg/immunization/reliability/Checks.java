package jp.lg.immunization.reliability;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The harness's verdict on one database after its flows: acknowledged actions lost, cases made twice for one flow,
 * and cases of the run that have not ended yet wait on nothing.
 */
record Checks(long lost, long duplicated, long stuck, long unfinished) {

  static Checks of(JdbcTemplate db, Flows flows) {
    long lostStarts = flows.acknowledgedStarts.stream().filter(instance -> db.queryForObject(
        "select count(*) from act_hi_procinst where id_ = ?", Long.class, instance) != 1).count();
    long lostCompletions = flows.acknowledgedCompletions.entrySet().stream().filter(done -> db.queryForObject("""
        select count(*) from task_view where id = ? and status = 'COMPLETED' and completed_by = ?""", Long.class,
        done.getKey(), done.getValue()) != 1).count();
    long duplicated = db.queryForObject("""
        select coalesce(sum(n - 1), 0) from (
          select count(*) n from non_resident_case where query_reason like ? group by query_reason
          union all
          select count(*) n from information_query where purpose like ? group by purpose) cases where n > 1""",
        Long.class, Flows.MARKER + "%", Flows.MARKER + "%");
    List<String> open = flows.flowInstances.stream().filter(instance -> db.queryForObject(
        "select count(*) from act_ru_execution where proc_inst_id_ = ?", Long.class, instance) > 0).toList();
    long stuck = open.stream().filter(instance -> db.queryForObject("""
        select not exists (select 1 from act_ru_task where proc_inst_id_ = ?)
           and not exists (select 1 from act_ru_job where process_instance_id_ = ?)
           and not exists (select 1 from act_ru_execution e join outbound_call o
                             on o.request_id in ('NRC-' || e.business_key_, 'IQ-' || e.business_key_)
                           where e.proc_inst_id_ = ? and e.parent_id_ is null and o.status = 'AWAITING_ANSWER')""",
        Boolean.class, instance, instance, instance)).count();
    return new Checks(lostStarts + lostCompletions, duplicated, stuck, flows.unfinished.size());
  }
}
