package jp.lg.immunization.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.PrintFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionnairePdfTest {

  private final PrintFont fonts = new PrintFont("");
  private final QuestionnairePdf pdf = new QuestionnairePdf(fonts, "架空市 母子健康センター");

  private static QuestionnairePdf.Sheet sheet(String serial, String name, String kana, LocalDate birthDate) {
    return new QuestionnairePdf.Sheet(serial, "0000000123", "360-0811", "埼玉県架空市本町1丁目2番3号 コーポ桜101号室",
        name, kana, birthDate, "満6歳2か月", "男", "MR（麻しん風しん）", "2期", LocalDate.of(2027, 3, 31));
  }

  @Test
  void printsOnePagePerResidentWithTheAddressBlockAndParticularsInJapanese() throws IOException {
    byte[] bytes = pdf.render(fonts.locate(), List.of(
        sheet("ab12cd34-0001", "山田 太郎", "ヤマダ タロウ", LocalDate.of(2020, 9, 15)),
        sheet("ab12cd34-0002", "佐藤 花子", "サトウ ハナコ", LocalDate.of(2019, 5, 1))), LocalDate.of(2026, 11, 26));

    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      String first = page(document, 1);
      assertThat(first).contains("〒360-0811", "埼玉県架空市本町1丁目2番3号", "山田 太郎　様", "予防接種予診票",
          "MR（麻しん風しん）", "2期", "ヤマダ タロウ", "令和2年9月15日生（満6歳2か月）", "性別　男", "令和9年3月31日まで",
          "発行日　令和8年11月26日", "ab12cd34-0001", "架空市 母子健康センター", "今日、体に具合の悪いところがありますか");
      assertThat(first).doesNotContain("佐藤");
      assertThat(page(document, 2)).contains("佐藤 花子　様", "令和元年5月1日生");
      // The font travels inside the file as a subset, so the sheet prints the same on any PC.
      PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames()
          .iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      assertThat(font.getName()).contains("IPAexGothic").matches("[A-Z]{6}\\+.*");
    }
  }

  @Test
  void aCharacterTheFontLacksPrintsAsGetaInsteadOfFailingTheRun() throws IOException {
    byte[] bytes = pdf.render(fonts.locate(), List.of(sheet("x-0001", "山田 \uD83D\uDE00太", "ヤマダ タ", LocalDate.of(2020, 9, 15))),
        LocalDate.of(2026, 11, 26));
    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(page(document, 1)).contains("山田 〓太　様");
    }
  }

  @Test
  void aFileThatIsNoTrueTypeFontIsAClearRefusal(@TempDir Path folder) throws IOException {
    Path notAFont = Files.writeString(folder.resolve("broken.ttf"), "not a font");
    assertThatThrownBy(() -> pdf.render(notAFont, List.of(sheet("x-0001", "山田 太郎", "ヤマダ タロウ",
        LocalDate.of(2020, 9, 15))), LocalDate.of(2026, 11, 26)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("broken.ttf", "読み込めない"));
  }

  private static String page(PDDocument document, int number) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(number);
    stripper.setEndPage(number);
    return stripper.getText(document);
  }
}
