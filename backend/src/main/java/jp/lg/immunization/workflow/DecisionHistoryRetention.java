package jp.lg.immunization.workflow;

import java.sql.Timestamp;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's history of decisions evaluated on their own (R27): the permit lists (照会・提供許可用照合リスト) and the
 * relief benefits table, through the engine's decision service, go when their table's historyTimeToLive has passed
 * since the evaluation (whole days in Japan). Their inputs are codes (information item, legal basis, vaccination
 * class), with no case and no resident, so no hold can concern them. The eligibility and co-pay tables are evaluated
 * by a history-free DMN engine and write no history at all; a decision evaluated inside a process would name its
 * process instance and go with it ({@link EngineHistoryRetention}).
 */
@Component
class DecisionHistoryRetention extends EngineHistoryRule {

  DecisionHistoryRetention(JdbcTemplate jdbc, HistoryService history,
                           @Value("${immunization.retention.engine-history-chunk:500}") int chunk) {
    super(jdbc, history, chunk);
  }

  @Override
  public String kind() {
    return "DECISION_HISTORY";
  }

  @Override
  List<String> expired(Timestamp startOfToday, KeptResidents kept, int limit) {
    return jdbc.queryForList("""
        select i.id_ from act_hi_decinst i join act_re_decision_def d on d.id_ = i.dec_def_id_
        where i.eval_time_ < cast(? as timestamp) - d.history_ttl_ * interval '1 day' and i.proc_inst_id_ is null
        order by i.eval_time_, i.id_ limit ?
        for update of i skip locked""", String.class, startOfToday, limit);
  }

  @Override
  void delete(List<String> instanceIds) {
    history.deleteHistoricDecisionInstancesBulk(instanceIds);
  }
}
