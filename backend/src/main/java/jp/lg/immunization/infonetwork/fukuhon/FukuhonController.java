package jp.lg.immunization.infonetwork.fukuhon;

import java.util.List;
import java.util.Map;
import jp.lg.immunization.infonetwork.InformationItem;
import jp.lg.immunization.platform.CsvDownload;
import jp.lg.immunization.platform.CsvEncoding;
import jp.lg.immunization.platform.CsvFile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** R23: the reconciliation of the 副本 with the master record, as JSON or as a CSV file (UTF-8 with BOM). */
@RestController
@RequestMapping("/api/fukuhon")
class FukuhonController {

  private static final Map<FukuhonReconciliation.Difference, String> LABELS = Map.of(
      FukuhonReconciliation.Difference.MISSING, "副本未登録",
      FukuhonReconciliation.Difference.OUT_OF_DATE, "副本が原本と不一致",
      FukuhonReconciliation.Difference.NO_MASTER_RECORD, "原本に接種記録なし");

  private final FukuhonReconciliation reconciliation;

  FukuhonController(FukuhonReconciliation reconciliation) {
    this.reconciliation = reconciliation;
  }

  @GetMapping("/reconciliation")
  List<FukuhonReconciliation.Row> differences() {
    return reconciliation.differences();
  }

  /** R12: needs EXPORT; every resident in the file is on the audit trail. */
  @GetMapping(value = "/reconciliation.csv")
  ResponseEntity<byte[]> differencesCsv() {
    List<FukuhonReconciliation.Row> rows = reconciliation.export();
    CsvFile csv = new CsvFile().line(List.of("宛名番号", "情報", "差異"));
    rows.forEach(row -> csv.line(List.of(row.addresseeNumber(),
        InformationItem.valueOf(row.informationItem()).label(), LABELS.get(row.difference()))));
    return CsvDownload.of("fukuhon-reconciliation.csv", CsvEncoding.UTF8_BOM, csv.encode(CsvEncoding.UTF8_BOM),
        rows.size());
  }
}
