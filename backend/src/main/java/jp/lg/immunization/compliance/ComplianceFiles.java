package jp.lg.immunization.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import jp.lg.immunization.platform.CsvEncoding;
import jp.lg.immunization.platform.CsvFile;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.platform.TextPdf;
import org.springframework.stereotype.Component;

/** The report as files for the annual 自己点検: a CSV (one line a control) and a PDF to print and sign. */
@Component
class ComplianceFiles {

  static final List<String> HEADER = List.of("統制", "区分", "内容", "実装（プロセス・規則）", "テスト", "成功", "失敗", "判定");

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final TextPdf pdf;

  ComplianceFiles(TextPdf pdf) {
    this.pdf = pdf;
  }

  CsvFile.Encoded csv(ComplianceReport.Report report, CsvEncoding encoding) {
    CsvFile csv = new CsvFile().line(List.of("版", buildLine(report.build())));
    csv.line(HEADER);
    for (ComplianceReport.Row row : report.controls()) {
      csv.line(List.of(row.id(), row.area(), row.text(), String.join("／", row.implementedBy()),
          row.tests().stream().map(test -> test.className() + "." + test.name() + "（" + outcome(test) + "）")
              .collect(Collectors.joining("／")), String.valueOf(row.passed()), String.valueOf(row.failed()),
          row.verdictLabel()));
    }
    return csv.encode(encoding);
  }

  byte[] pdf(ComplianceReport.Report report, Instant printedAt) {
    StringBuilder text = new StringBuilder();
    text.append("対象の版：").append(buildLine(report.build())).append('\n');
    text.append("出力日時：").append(when(printedAt)).append('\n');
    text.append("証明済みの統制：").append(report.proven()).append(" / ").append(report.controls().size());
    if (!report.unproven().isEmpty()) {
      text.append("（未証明：").append(String.join("、", report.unproven())).append("）");
    }
    text.append("\n\n");
    for (ComplianceReport.Row row : report.controls()) {
      text.append("■ ").append(row.id()).append("【").append(row.verdictLabel()).append("】 ").append(row.area())
          .append('\n').append(row.text()).append('\n');
      text.append("　実装：").append(String.join("、", row.implementedBy())).append('\n');
      if (row.tests().isEmpty()) {
        text.append("　テスト：なし\n");
      }
      row.tests().forEach(test -> text.append("　テスト：").append(test.className()).append('.').append(test.name())
          .append("（").append(outcome(test)).append("）\n"));
      text.append('\n');
    }
    text.append("点検者：＿＿＿＿＿＿＿＿＿＿　　点検日：＿＿＿＿＿＿＿＿");
    return pdf.render("自己点検　統制の実施状況", text.toString());
  }

  static String buildLine(ComplianceReport.Build build) {
    if (!build.summaryPackaged()) {
      return "この版にはテスト結果がありません（ビルドで作られた版ではありません）";
    }
    String version = build.version() + "（" + when(build.builtAt()) + " ビルド）";
    return build.testsRun()
        ? version + "　テスト " + build.total() + " 件、失敗 " + build.failed() + " 件、スキップ " + build.skipped() + " 件"
        : version + "　この版のビルドではテストが実行されていません";
  }

  private static String when(Instant instant) {
    var local = instant.atZone(JAPAN);
    return JapaneseDates.format(LocalDate.from(local)) + " " + TIME.format(local);
  }

  private static String outcome(ComplianceReport.Test test) {
    return switch (test.outcome()) {
      case PASSED -> "成功";
      case FAILED -> "失敗";
      case SKIPPED -> "スキップ";
    };
  }
}
