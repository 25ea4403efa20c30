package jp.lg.immunization.infonetwork;

import java.util.List;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R23: the 副本 against the master dose record. Lists the residents whose 副本 is missing, out of date or
 * left over, by 宛名番号 only, for staff to register or correct.
 */
@Service
class FukuhonReconciliation {

  enum Difference { MISSING, OUT_OF_DATE, NO_MASTER_RECORD }

  record Row(String addresseeNumber, String informationItem, Difference difference) {}

  private final JdbcTemplate jdbc;
  private final AuditTrail audit;

  FukuhonReconciliation(JdbcTemplate jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  List<Row> differences() {
    List<Row> rows = jdbc.query("""
        with master as (
          select resident_id, jsonb_build_object('doses', jsonb_agg(jsonb_build_object(
                   'vaccine', vaccine, 'category', dose_category, 'date', dose_date::text) order by dose_date, id)) as content
          from dose_record group by resident_id)
        select r.addressee_number,
               case when f.resident_id is null then 'MISSING'
                    when m.resident_id is null then 'NO_MASTER_RECORD'
                    else 'OUT_OF_DATE' end as difference
        from master m
        full join (select * from fukuhon where information_item = 'VACCINATION_RECORD') f on f.resident_id = m.resident_id
        join resident r on r.id = coalesce(m.resident_id, f.resident_id)
        where f.resident_id is null or m.resident_id is null or f.content <> m.content
        order by r.addressee_number""",
        (rs, n) -> new Row(rs.getString(1), InformationItem.VACCINATION_RECORD.name(),
            Difference.valueOf(rs.getString(2))));
    audit.record(AuditOperation.FUKUHON_RECONCILIATION, null, "rows=" + rows.size());
    return rows;
  }
}
