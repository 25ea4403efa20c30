package jp.lg.immunization.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class TextPdfTest {

  @Test
  void writesJapaneseTextOnAsManyA4PagesAsItNeeds() throws Exception {
    String text = "令和8年11月27日\n架空 花子 様\n\n" + "長い段落は文字ごとに折り返します。".repeat(200) + "\n終わり";
    byte[] bytes = new TextPdf(new PrintFont("")).render("支給決定通知書", text);
    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      String extracted = new PDFTextStripper().getText(document).replaceAll("\\s", "");
      assertThat(extracted).contains("支給決定通知書", "令和8年11月27日", "架空花子様", "終わり");
    }
  }

  @Test
  void withoutTheFontItIsAClearRefusal() {
    assertThatThrownBy(() -> new TextPdf(new PrintFont(List.of(), false)).render("通知書", "本文"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("print_font_missing"));
  }
}
