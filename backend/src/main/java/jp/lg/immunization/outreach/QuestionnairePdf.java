package jp.lg.immunization.outreach;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.platform.PrintFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 予診票 (pre-vaccination questionnaire) as an A4 PDF, one page per resident: the address block for a window
 * envelope (〒, address, name 様), the resident's particulars with the birth date in 和暦, the questionnaire and the
 * doctor's and consent sections. The Japanese font is embedded as a subset; a character the font lacks prints
 * as 〓 rather than failing the whole print run.
 */
@Component
class QuestionnairePdf {

  /**
   * One page.
   *
   * @param serial printed for matching a returned sheet to its print run, e.g. {@code 3f2a9c1e-0001}
   * @param doseCategory 接種区分, e.g. 2期; null when the schedule names none
   * @param eligibleUntil the last day of the routine period, when there is one
   */
  record Sheet(String serial, String addresseeNumber, String postalCode, String address, String nameKanji,
               String nameKana, LocalDate birthDate, String ageLabel, String sexLabel, String vaccineName,
               String doseCategory, LocalDate eligibleUntil) {}

  static final List<String> QUESTIONS = List.of(
      "今日受ける予防接種について、市町村から配られている説明書を読みましたか。",
      "今日、体に具合の悪いところがありますか。（症状：　　　　　　　　）",
      "最近1か月以内に病気にかかりましたか。（病名：　　　　　　　　）",
      "今までに特別な病気（先天性異常、心臓、腎臓、肝臓、脳神経、免疫不全症その他の病気）にかかり、医師の診察を受けていますか。",
      "今までにけいれん（ひきつけ）を起こしたことがありますか。",
      "薬や食品で皮膚に発しんやじんましんが出たり、体の具合が悪くなったことがありますか。",
      "1か月以内に予防接種を受けましたか。（予防接種名：　　　　　　　　）",
      "今日の予防接種について質問がありますか。");

  private static final float WIDTH = PDRectangle.A4.getWidth();
  private static final float LEFT = 42;
  private static final float RIGHT = WIDTH - 42;
  private static final String UNPRINTABLE = "〓";

  private final PrintFont fonts;
  private final String issuer;

  QuestionnairePdf(PrintFont fonts, @Value("${immunization.print.issuer:予防接種担当}") String issuer) {
    this.fonts = fonts;
    this.issuer = issuer;
  }

  byte[] render(Path fontFile, List<Sheet> sheets, LocalDate issuedOn) {
    try (PDDocument document = new PDDocument()) {
      PDType0Font font = fonts.load(document, fontFile);
      Glyphs glyphs = new Glyphs(font);
      for (Sheet sheet : sheets) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
          new Canvas(stream, glyphs).draw(sheet, issuedOn);
        }
      }
      document.getDocumentInformation().setTitle("予防接種予診票");
      document.getDocumentInformation().setCreator("予防接種事務 ケース管理");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The font, with what it can print remembered per character. */
  private static final class Glyphs {
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    Glyphs(PDType0Font font) {
      this.font = font;
    }

    String printable(String text) {
      if (text == null) {
        return "";
      }
      StringBuilder result = new StringBuilder(text.length());
      text.codePoints().forEach(codePoint -> {
        String character = Character.toString(codePoint);
        result.append(printable.computeIfAbsent(codePoint, c -> canEncode(character)) ? character : UNPRINTABLE);
      });
      return result.toString();
    }

    private boolean canEncode(String character) {
      try {
        font.encode(character);
        return true;
      } catch (IOException | IllegalArgumentException e) {
        return false;
      }
    }

    float width(String text, float size) {
      try {
        return font.getStringWidth(text) / 1000 * size;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Draws one sheet; coordinates are PDF points from the bottom left. */
  private final class Canvas {
    private final PDPageContentStream stream;
    private final Glyphs glyphs;

    Canvas(PDPageContentStream stream, Glyphs glyphs) {
      this.stream = stream;
      this.glyphs = glyphs;
    }

    void draw(Sheet sheet, LocalDate issuedOn) throws IOException {
      stream.setLineWidth(0.6f);
      // Issuer's block, top right.
      textRight(RIGHT, 805, 9, "発行日　" + JapaneseDates.format(issuedOn));
      textRight(RIGHT, 792, 9, "発行番号　" + sheet.serial());
      textRight(RIGHT, 779, 9, "宛名番号　" + sheet.addresseeNumber());
      textRight(RIGHT, 766, 9, issuer);

      // Address block where a window envelope shows it: 〒, address, name 様.
      float y = 790;
      text(57, y, 11, "〒" + nullToEmpty(sheet.postalCode()));
      // A building and room (after the first space) start a line of their own when the address needs two.
      List<String> addressLines = wrap(sheet.address(), 11, 270);
      if (addressLines.size() > 1) {
        addressLines = new ArrayList<>();
        for (String part : nullToEmpty(sheet.address()).split("[ 　]", 2)) {
          addressLines.addAll(wrap(part, 11, 270));
        }
      }
      for (String line : addressLines) {
        y -= 16;
        text(57, y, 11, line);
      }
      y -= 26;
      text(57, y, 15, sheet.nameKanji() + "　様");

      textCenter(WIDTH / 2, 676, 20, "予防接種予診票");
      textCenter(WIDTH / 2, 654, 12,
          sheet.vaccineName() + (sheet.doseCategory() == null ? "" : "　" + sheet.doseCategory()));

      y = particulars(sheet, 640);
      y = questionnaire(y - 12);
      y = doctorAndConsent(y - 12);

      text(LEFT, 40, 8, "この予診票は、接種を受ける医療機関にお持ちください。接種期限を過ぎると定期接種として受けられません。");
      text(LEFT, 28, 8, "記入は接種を受ける本人又は保護者が行ってください。");
    }

    private float particulars(Sheet sheet, float top) throws IOException {
      String until = sheet.eligibleUntil() == null ? "—" : JapaneseDates.format(sheet.eligibleUntil()) + "まで";
      List<String[]> rows = List.of(
          new String[] {"ワクチンの種類", sheet.vaccineName()},
          new String[] {"接種区分", sheet.doseCategory() == null ? "—" : sheet.doseCategory()},
          new String[] {"フリガナ", sheet.nameKana()},
          new String[] {"接種を受ける人の氏名", sheet.nameKanji()},
          new String[] {"生年月日", JapaneseDates.format(sheet.birthDate()) + "生（" + sheet.ageLabel() + "）"},
          new String[] {"住所", "〒" + nullToEmpty(sheet.postalCode()) + "　" + sheet.address()},
          new String[] {"保護者の氏名", ""},
          new String[] {"電話番号", ""},
          new String[] {"接種期限", until},
          new String[] {"診察前の体温", "　　　　度　　　　分"});
      float labelWidth = 110;
      float y = top;
      for (String[] row : rows) {
        List<String> lines = wrap(row[1], 11, RIGHT - LEFT - labelWidth - 12);
        float height = Math.max(22, lines.size() * 14 + 8);
        box(LEFT, y - height, labelWidth, height);
        box(LEFT + labelWidth, y - height, RIGHT - LEFT - labelWidth, height);
        text(LEFT + 6, y - 15, 9, row[0]);
        float lineY = y - 15;
        for (String line : lines) {
          text(LEFT + labelWidth + 6, lineY, 11, line);
          lineY -= 14;
        }
        if ("接種を受ける人の氏名".equals(row[0])) {
          textRight(RIGHT - 8, y - 15, 11, "性別　" + sheet.sexLabel());
        }
        y -= height;
      }
      return y;
    }

    private float questionnaire(float top) throws IOException {
      float answerWidth = 90;
      float doctorWidth = 90;
      float questionWidth = RIGHT - LEFT - answerWidth - doctorWidth;
      float y = top;
      float header = 18;
      box(LEFT, y - header, questionWidth, header);
      box(LEFT + questionWidth, y - header, answerWidth, header);
      box(LEFT + questionWidth + answerWidth, y - header, doctorWidth, header);
      textCenter(LEFT + questionWidth / 2, y - 12.5f, 9, "質問事項");
      textCenter(LEFT + questionWidth + answerWidth / 2, y - 12.5f, 9, "回答欄");
      textCenter(LEFT + questionWidth + answerWidth + doctorWidth / 2, y - 12.5f, 9, "医師記入欄");
      y -= header;
      for (int i = 0; i < QUESTIONS.size(); i++) {
        List<String> lines = wrap((i + 1) + "．" + QUESTIONS.get(i), 9, questionWidth - 12);
        float height = Math.max(20, lines.size() * 12 + 8);
        box(LEFT, y - height, questionWidth, height);
        box(LEFT + questionWidth, y - height, answerWidth, height);
        box(LEFT + questionWidth + answerWidth, y - height, doctorWidth, height);
        float lineY = y - 13;
        for (String line : lines) {
          text(LEFT + 6, lineY, 9, line);
          lineY -= 12;
        }
        textCenter(LEFT + questionWidth + answerWidth / 2, y - 13, 9, "はい　・　いいえ");
        y -= height;
      }
      return y;
    }

    private float doctorAndConsent(float top) throws IOException {
      float width = RIGHT - LEFT;
      float y = top;
      List<String> doctor = new ArrayList<>();
      doctor.add("【医師記入欄】以上の問診及び診察の結果、今日の予防接種は（　実施できる　・　見合わせる　）");
      doctor.addAll(wrap("本人（保護者）に対して、予防接種の効果、副反応及び予防接種健康被害救済制度について説明しました。", 9, width - 12));
      doctor.add("医師署名又は記名押印　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿");
      y = paragraph(y, doctor);
      List<String> consent = new ArrayList<>(wrap("医師の診察・説明を受け、予防接種の効果や目的、重篤な副反応の可能性、予防接種健康被害救済制度などについて"
          + "理解した上で、接種することに（　同意します　・　同意しません　）", 9, width - 12));
      consent.add("本人（保護者）自署　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿");
      return paragraph(y - 6, consent);
    }

    private float paragraph(float top, List<String> lines) throws IOException {
      float height = lines.size() * 14 + 8;
      box(LEFT, top - height, RIGHT - LEFT, height);
      float lineY = top - 14;
      for (String line : lines) {
        text(LEFT + 6, lineY, 9, line);
        lineY -= 14;
      }
      return top - height;
    }

    /** Breaks a text into lines that fit {@code width}, character by character (Japanese has no spaces). */
    private List<String> wrap(String text, float size, float width) {
      String printable = glyphs.printable(text);
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      printable.codePoints().forEach(codePoint -> {
        String next = line + Character.toString(codePoint);
        if (!line.isEmpty() && glyphs.width(next, size) > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.appendCodePoint(codePoint);
      });
      if (!line.isEmpty() || lines.isEmpty()) {
        lines.add(line.toString());
      }
      return lines;
    }

    private void text(float x, float y, float size, String text) throws IOException {
      String printable = glyphs.printable(text);
      if (printable.isEmpty()) {
        return;
      }
      stream.beginText();
      stream.setFont(glyphs.font, size);
      stream.newLineAtOffset(x, y);
      stream.showText(printable);
      stream.endText();
    }

    private void textRight(float right, float y, float size, String text) throws IOException {
      String printable = glyphs.printable(text);
      text(right - glyphs.width(printable, size), y, size, printable);
    }

    private void textCenter(float center, float y, float size, String text) throws IOException {
      String printable = glyphs.printable(text);
      text(center - glyphs.width(printable, size) / 2, y, size, printable);
    }

    private void box(float x, float y, float width, float height) throws IOException {
      stream.addRect(x, y, width, height);
      stream.stroke();
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
