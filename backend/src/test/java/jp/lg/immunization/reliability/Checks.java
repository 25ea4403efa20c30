package jp.lg.immunization.reliability;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The harness's verdict on one database after its flows: acknowledged actions lost, cases made twice for one flow,
 * and cases of the run that have not ended yet wait on nothing.
 */
record Checks(long lost, long duplicated, long stuck, long unfinished, String waitingAt) {

  static Checks of(JdbcTemplate db, Flows flows) {
    long lostStarts = flows.acknowledgedStarts.stream().filter(instance -> db.queryForObject(
        "select count(*) from act_hi_procinst where id_ = ?", Long.class, instance) != 1).count();
    long lostCompletions = flows.acknowledgedCompletions.entrySet().stream().filter(done -> db.queryForObject("""
        select count(*) from task_view where id = ? and status = 'COMPLETED' and completed_by = ?""", Long.class,
        done.getKey(), done.getValue()) != 1).count();
    long lostDoses = flows.acknowledgedDoses.entrySet().stream().filter(dose -> db.queryForObject(
        "select count(*) from dose_record where id = ? and remarks = ?", Long.class, dose.getKey(), dose.getValue())
        != 1).count();
    // Each marker names one case, one dose at the counter, one batch line or one batch file.
    long duplicated = db.queryForObject("""
        select coalesce(sum(n - 1), 0) from (
          select count(*) n from non_resident_case where query_reason like ? group by query_reason
          union all
          select count(*) n from information_query where purpose like ? group by purpose
          union all
          select count(*) n from relief_claim where note like ? group by note
          union all
          select count(*) n from dose_record where remarks like ? group by remarks
          union all
          select count(*) n from dose_batch where file_name like ? and status <> 'DISCARDED' group by file_name)
        cases where n > 1""",
        Long.class, Flows.MARKER + "%", Flows.MARKER + "%", Flows.MARKER + "%", Flows.MARKER + "%",
        Flows.BATCH_FILE + "%");
    List<String> open = flows.flowInstances.stream().filter(instance -> db.queryForObject(
        "select count(*) from act_ru_execution where proc_inst_id_ = ?", Long.class, instance) > 0).toList();
    long stuck = open.stream().filter(instance -> db.queryForObject("""
        select not exists (select 1 from act_ru_task where proc_inst_id_ = ?)
           and not exists (select 1 from act_ru_job where process_instance_id_ = ?)
           and not exists (select 1 from act_ru_execution e join outbound_call o
                             on o.request_id in ('NRC-' || e.business_key_, 'IQ-' || e.business_key_)
                           where e.proc_inst_id_ = ? and e.parent_id_ is null and o.status = 'AWAITING_ANSWER')""",
        Boolean.class, instance, instance, instance)).count();
    String waitingAt = flows.unfinished.values().stream().map(instance -> instance.isEmpty() ? "not started"
        : db.queryForObject("""
            select coalesce((select 'task ' || task_def_key_ from act_ru_task where proc_inst_id_ = ? limit 1),
                            (select 'job ' || coalesce(handler_cfg_, type_) || ' retries '
                                    || retries_ from act_ru_job where process_instance_id_ = ? limit 1),
                            (select 'activity ' || act_id_ from act_ru_execution
                             where proc_inst_id_ = ? and act_id_ is not null limit 1),
                            'ended')""", String.class, instance, instance, instance))
        .collect(java.util.stream.Collectors.joining(", "));
    return new Checks(lostStarts + lostCompletions + lostDoses, duplicated, stuck, flows.unfinished.size(), waitingAt);
  }
}
