package jp.lg.immunization.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * A simple page writer for Japanese letters and notices: a centred title, then the text line by line on A4 pages,
 * wrapped character by character (Japanese has no spaces) and continued on new pages. The font ({@link PrintFont}) is
 * embedded as a subset; a character it lacks prints as 〓 rather than failing the document.
 */
@Component
public class TextPdf {

  private static final float WIDTH = PDRectangle.A4.getWidth();
  private static final float HEIGHT = PDRectangle.A4.getHeight();
  private static final float MARGIN = 56;
  private static final float TITLE_SIZE = 16;
  private static final float SIZE = 11;
  private static final float LEADING = 18;
  private static final String UNPRINTABLE = "〓";

  private final PrintFont fonts;

  public TextPdf(PrintFont fonts) {
    this.fonts = fonts;
  }

  /** The document as PDF bytes; {@code text} may hold line breaks, an empty line is a blank line. */
  public byte[] render(String title, String text) {
    Path fontFile = fonts.locate();
    try (PDDocument document = new PDDocument()) {
      PDType0Font font = fonts.load(document, fontFile);
      List<String> lines = new ArrayList<>();
      for (String paragraph : text.split("\n", -1)) {
        lines.addAll(wrap(font, printable(font, paragraph), WIDTH - 2 * MARGIN));
      }
      PDPageContentStream stream = null;
      float y = 0;
      try {
        for (int i = 0; i <= lines.size(); i++) {
          if (stream == null || y < MARGIN) {
            if (stream != null) {
              stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = HEIGHT - MARGIN;
            if (document.getNumberOfPages() == 1) {
              String printableTitle = printable(font, title);
              show(stream, font, TITLE_SIZE, (WIDTH - width(font, printableTitle, TITLE_SIZE)) / 2, y, printableTitle);
              y -= 2 * LEADING;
            }
          }
          if (i < lines.size()) {
            show(stream, font, SIZE, MARGIN, y, lines.get(i));
            y -= LEADING;
          }
        }
      } finally {
        if (stream != null) {
          stream.close();
        }
      }
      document.getDocumentInformation().setTitle(title);
      document.getDocumentInformation().setCreator("予防接種事務 ケース管理");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void show(PDPageContentStream stream, PDType0Font font, float size, float x, float y, String text)
      throws IOException {
    if (text.isEmpty()) {
      return;
    }
    stream.beginText();
    stream.setFont(font, size);
    stream.newLineAtOffset(x, y);
    stream.showText(text);
    stream.endText();
  }

  private static List<String> wrap(PDType0Font font, String text, float width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    text.codePoints().forEach(codePoint -> {
      String next = line + Character.toString(codePoint);
      if (!line.isEmpty() && width(font, next, SIZE) > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.appendCodePoint(codePoint);
    });
    lines.add(line.toString());
    return lines;
  }

  private static String printable(PDType0Font font, String text) {
    StringBuilder result = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> {
      String character = Character.toString(codePoint);
      try {
        font.encode(character);
        result.append(character);
      } catch (IOException | IllegalArgumentException e) {
        result.append(UNPRINTABLE);
      }
    });
    return result.toString();
  }

  private static float width(PDType0Font font, String text, float size) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
