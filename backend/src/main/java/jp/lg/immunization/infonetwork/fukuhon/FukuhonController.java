package jp.lg.immunization.infonetwork.fukuhon;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.infonetwork.InformationItem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

  @GetMapping(value = "/reconciliation.csv")
  ResponseEntity<byte[]> differencesCsv() {
    StringBuilder csv = new StringBuilder("\uFEFF宛名番号,情報,差異\r\n");
    reconciliation.differences().forEach(row -> csv.append(row.addresseeNumber()).append(',')
        .append(InformationItem.valueOf(row.informationItem()).label()).append(',')
        .append(LABELS.get(row.difference())).append("\r\n"));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fukuhon-reconciliation.csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }
}
