package jp.lg.immunization.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.platform.TextPdf;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request's papers as Japanese PDFs: the decision notice, printed from the text kept on the request, and the
 * disclosure package (開示する保有個人情報の写し), printed from the snapshot. Printing needs the permission PRINT (R12),
 * and every print is audited (R04).
 */
@Service
class RequestPrints {

  /** Item names of the contributed sections as the printed copy shows them; others print under their own key. */
  private static final Map<String, String> ITEM_LABELS = Map.ofEntries(
      Map.entry("id", "番号"), Map.entry("vaccineCode", "ワクチンコード"), Map.entry("vaccine", "ワクチン"),
      Map.entry("doseCategory", "接種区分"), Map.entry("doseDate", "接種年月日"), Map.entry("lotNumber", "ロット番号"),
      Map.entry("institutionId", "医療機関コード"), Map.entry("institutionName", "医療機関"), Map.entry("source", "登録の経路"),
      Map.entry("errorCode", "エラーコード"), Map.entry("errorMessage", "エラーの内容"), Map.entry("corrections", "訂正回数"),
      Map.entry("vaccineName", "ワクチン"), Map.entry("status", "状態"), Map.entry("nextDose", "次の接種"),
      Map.entry("eligibleFrom", "接種期間の始期"), Map.entry("eligibleUntil", "接種期間の終期"), Map.entry("reason", "理由"));

  private final ResidentRequests requests;
  private final DisclosurePackages packages;
  private final TextPdf pdf;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  RequestPrints(ResidentRequests requests, DisclosurePackages packages, TextPdf pdf, CurrentUser currentUser,
                AuditTrail audit) {
    this.requests = requests;
    this.packages = packages;
    this.pdf = pdf;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @Transactional
  byte[] notice(long id) {
    currentUser.require(Permission.PRINT, "resident-request-notice");
    ResidentRequest request = requests.byId(id);
    if (request.noticeText() == null) {
      throw ApiException.notFound("この請求の決定通知書はまだありません（上長の承認の後に作成されます）");
    }
    String text = request.noticeText();
    int titleEnd = text.indexOf('\n');
    byte[] bytes = pdf.render(text.substring(0, titleEnd).strip(), text.substring(titleEnd + 1).stripLeading());
    audit.record(AuditOperation.RESIDENT_REQUEST_PRINT, request.residentId(), "request=" + id + " notice pdf");
    return bytes;
  }

  @Transactional
  byte[] disclosurePackage(long id) {
    currentUser.require(Permission.PRINT, "resident-request-package");
    ResidentRequest request = requests.byId(id);
    JsonNode content = packages.stored(id);
    byte[] bytes = pdf.render("保有個人情報の写し（" + request.kind().label() + " 第" + id + "号）", packageText(content));
    audit.record(AuditOperation.RESIDENT_REQUEST_PRINT, request.residentId(), "request=" + id + " package pdf");
    return bytes;
  }

  static String packageText(JsonNode content) {
    StringBuilder text = new StringBuilder();
    text.append("この写しは ").append(JapaneseDates.format(Instant.parse(content.path("collectedAt").asText())))
        .append(" 時点で市が保有していた記録です。\n\n");
    JsonNode resident = content.path("resident");
    text.append("■ 宛名\n");
    text.append("宛名番号: ").append(resident.path("addresseeNumber").asText()).append("\n");
    text.append("氏名: ").append(resident.path("name").asText()).append("（").append(resident.path("nameKana").asText())
        .append("）\n");
    text.append("生年月日: ").append(JapaneseDates.format(LocalDate.parse(resident.path("birthDate").asText())))
        .append("　性別: ").append(resident.path("sex").asText()).append("\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = content.path("sections").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      text.append("\n■ ").append(DisclosurePackages.SECTION_TITLES.getOrDefault(section.getKey(), section.getKey()))
          .append("\n");
      if (section.getValue().isEmpty()) {
        text.append("（記録なし）\n");
      }
      section.getValue().forEach(item -> text.append("・").append(line(item)).append("\n"));
    }
    JsonNode accesses = content.path("accesses");
    text.append("\n■ この記録を利用した職員と日時（新しい順").append(content.path("accessesComplete").asBoolean(true) ? ""
        : "、直近の分のみ").append("）\n");
    accesses.forEach(access -> text.append("・").append(JapaneseDates.format(Instant.parse(access.path("occurredAt")
        .asText()))).append("　").append(access.path("user").asText()).append("　").append(access.path("operation")
        .asText()).append("\n"));
    return text.toString();
  }

  private static String line(JsonNode item) {
    if (!item.isObject()) {
      return item.asText();
    }
    StringBuilder line = new StringBuilder();
    item.fields().forEachRemaining(field -> {
      if (field.getValue().isNull() || field.getValue().isContainerNode()) {
        return;
      }
      if (!line.isEmpty()) {
        line.append("　");
      }
      line.append(ITEM_LABELS.getOrDefault(field.getKey(), field.getKey())).append(": ").append(field.getValue().asText());
    });
    return line.toString();
  }
}
