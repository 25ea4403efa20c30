package jp.lg.immunization.infonetwork.fukuhon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.resident.ResidentDirectory;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Permission;
import jp.lg.immunization.vaccination.DoseFacts;
import jp.lg.immunization.vaccination.DoseRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R23: the 副本 against the master dose record. Lists the residents whose 副本 is missing, out of date or
 * left over, by 宛名番号 only, for staff to register or correct. The master is read through the vaccination
 * module in batches of residents, and compared with the 副本 as it would be prepared from it.
 */
@Service
class FukuhonReconciliation {

  enum Difference { MISSING, OUT_OF_DATE, NO_MASTER_RECORD }

  record Row(String addresseeNumber, String informationItem, Difference difference) {}

  /** The reconciliation as a file (R12): its rows, and the residents they name for the audit trail. */
  record Export(List<Row> rows, Collection<Long> residentIds) {}

  private static final int BATCH = 5_000;

  private final JdbcTemplate jdbc;
  private final DoseRecords doses;
  private final ResidentDirectory residents;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final CurrentUser currentUser;

  FukuhonReconciliation(JdbcTemplate jdbc, DoseRecords doses, ResidentDirectory residents,
                        AuditTrail audit, ObjectMapper json, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.doses = doses;
    this.residents = residents;
    this.audit = audit;
    this.json = json;
    this.currentUser = currentUser;
  }

  @Transactional
  List<Row> differences() {
    List<Row> rows = compare().rows();
    audit.record(AuditOperation.FUKUHON_RECONCILIATION, null, "rows=" + rows.size());
    return rows;
  }

  /** R12: a file takes data out of the system, so it needs EXPORT and names every resident on the trail. */
  @Transactional
  List<Row> export() {
    currentUser.require(Permission.EXPORT, "fukuhon.reconciliation.csv");
    Export export = compare();
    String exportId = UUID.randomUUID().toString();
    audit.recordEach(AuditOperation.RESIDENT_EXPORT, export.residentIds(), "export=" + exportId);
    audit.record(AuditOperation.FUKUHON_RECONCILIATION_EXPORT, null, "export=" + exportId + " rows="
        + export.rows().size());
    return export.rows();
  }

  private Export compare() {
    Map<Long, JsonNode> registered = new HashMap<>();
    jdbc.query("select resident_id, content::text from fukuhon where information_item = ?",
        rs -> { registered.put(rs.getLong(1), readJson(rs.getString(2))); }, InformationItem.VACCINATION_RECORD.name());
    List<Long> withDoses = jdbc.queryForList("select distinct resident_id from " + DoseFacts.doses()
        + " d order by resident_id", Long.class);
    Map<Long, Difference> differences = new HashMap<>();
    for (int from = 0; from < withDoses.size(); from += BATCH) {
      List<Long> batch = withDoses.subList(from, Math.min(from + BATCH, withDoses.size()));
      doses.ofResidents(batch).forEach((residentId, master) -> {
        JsonNode fukuhon = registered.remove(residentId);
        if (fukuhon == null) {
          differences.put(residentId, Difference.MISSING);
        } else if (!fukuhon.equals(FukuhonFormat.fromDoses(json, master))) {
          differences.put(residentId, Difference.OUT_OF_DATE);
        }
      });
    }
    registered.keySet().forEach(residentId -> differences.put(residentId, Difference.NO_MASTER_RECORD));
    Map<Long, String> numbers = residents.addresseeNumbers(differences.keySet());
    List<Row> rows = differences.entrySet().stream().filter(difference -> numbers.containsKey(difference.getKey()))
        .map(difference -> new Row(numbers.get(difference.getKey()), InformationItem.VACCINATION_RECORD.name(),
            difference.getValue()))
        .sorted(Comparator.comparing(Row::addresseeNumber)).toList();
    return new Export(rows, numbers.keySet());
  }

  private JsonNode readJson(String content) {
    try {
      return json.readTree(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
