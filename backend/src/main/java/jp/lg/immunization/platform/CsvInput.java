package jp.lg.immunization.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A CSV file as other systems deliver it: UTF-8 (with or without BOM) or Shift_JIS as Japanese software writes it
 * (read as windows-31j, which also covers NEC and IBM extension characters such as ① and 髙), quoted fields with
 * commas and line breaks (RFC 4180), CRLF or LF line ends.
 */
public final class CsvInput {

  public enum Encoding { AUTO, UTF_8, SHIFT_JIS }

  /** One record: the line of the file it starts on (the first is 1) and its fields. */
  public record Record(int line, List<String> fields) {

    public boolean blank() {
      return fields.size() == 1 && fields.get(0).isBlank();
    }
  }

  public record Decoded(Encoding encoding, List<Record> records) {}

  private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final int DETECT_BUFFER = 8_192;
  private static final int READ_BUFFER = 65_536;

  private CsvInput() {}

  /** @throws ApiException (400 unreadable_file) when the bytes are not text in the encoding */
  public static Decoded read(byte[] content, Encoding requested) {
    List<Record> records = new ArrayList<>();
    return new Decoded(stream(content, requested, records::add), records);
  }

  /**
   * Hands the records to {@code each} one by one as they are decoded and parsed, so that a large file is never held
   * as one text or one list of records. A file that is not text in the encoding may have handed over the records
   * before the first wrong byte; callers that must not act on part of a file count or check first.
   *
   * @return the encoding read (the one detected when {@code requested} is AUTO)
   * @throws ApiException (400 unreadable_file) when the bytes are not text in the encoding
   */
  public static Encoding stream(byte[] content, Encoding requested, Consumer<Record> each) {
    Encoding encoding = requested == Encoding.AUTO ? detect(content) : requested;
    int start = startsWithBom(content) ? UTF8_BOM.length : 0;
    try (Reader text = new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start),
        decoder(encoding))) {
      records(new Chars(text), each);
    } catch (CharacterCodingException wrongEncoding) {
      throw ApiException.badRequest("unreadable_file", "ファイルを" + label(encoding)
          + "として読めません。文字コードの指定を確認してください");
    } catch (IOException cannotHappenInMemory) {
      throw new UncheckedIOException(cannotHappenInMemory);
    }
    return encoding;
  }

  public static String label(Encoding encoding) {
    return encoding == Encoding.SHIFT_JIS ? "Shift_JIS" : "UTF-8";
  }

  /**
   * The columns a header line names, in its order, each found by {@code byHeader}; unknown, repeated and missing
   * required names refuse the file with one message naming them all.
   *
   * @throws ApiException (400 bad_header)
   */
  public static <T extends Enum<T>> List<T> columns(List<String> names, Function<String, Optional<T>> byHeader,
                                                    Set<T> required, Function<T, String> headerOf) {
    List<T> columns = new ArrayList<>();
    Set<String> unknown = new LinkedHashSet<>();
    Set<T> seen = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (String name : names) {
      T item = byHeader.apply(name).orElse(null);
      if (item == null) {
        unknown.add(name);
      } else if (!seen.add(item)) {
        repeated.add(name);
      }
      columns.add(item);
    }
    List<String> problems = new ArrayList<>();
    if (!unknown.isEmpty()) {
      problems.add("不明な項目名 " + String.join("、", unknown));
    }
    if (!repeated.isEmpty()) {
      problems.add("重複した項目名 " + String.join("、", repeated));
    }
    List<String> missing = required.stream().filter(item -> !seen.contains(item))
        .sorted(Comparator.naturalOrder()).map(headerOf).toList();
    if (!missing.isEmpty()) {
      problems.add("必須の項目名がありません（" + String.join("、", missing) + "）");
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest("bad_header", "1行目の項目名が正しくありません: " + String.join("。", problems));
    }
    return columns;
  }

  /** UTF-8 when it has a BOM or decodes cleanly; otherwise the Shift_JIS that most Japanese software writes. */
  private static Encoding detect(byte[] content) {
    if (startsWithBom(content)) {
      return Encoding.UTF_8;
    }
    // Decoded through a small buffer that is thrown away: only whether it decodes matters here.
    CharsetDecoder utf8 = decoder(Encoding.UTF_8);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(DETECT_BUFFER);
    CoderResult result;
    do {
      out.clear();
      result = utf8.decode(in, out, true);
    } while (result.isOverflow());
    if (result.isError()) {
      return Encoding.SHIFT_JIS;
    }
    do {
      out.clear();
      result = utf8.flush(out);
    } while (result.isOverflow());
    return result.isError() ? Encoding.SHIFT_JIS : Encoding.UTF_8;
  }

  private static CharsetDecoder decoder(Encoding encoding) {
    return (encoding == Encoding.SHIFT_JIS ? SHIFT_JIS : StandardCharsets.UTF_8).newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static boolean startsWithBom(byte[] content) {
    return content.length >= 3 && content[0] == UTF8_BOM[0] && content[1] == UTF8_BOM[1] && content[2] == UTF8_BOM[2];
  }

  /** RFC 4180: fields in double quotes may hold commas, doubled quotes and line breaks; CRLF or LF ends a record. */
  private static void records(Chars text, Consumer<Record> each) throws IOException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int recordLine = 1;
    for (int c = text.next(); c != Chars.END; c = text.next()) {
      if (quoted) {
        if (c == '"' && text.peek() == '"') {
          field.append('"');
          text.next();
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && text.peek() == '\n') {
          text.next();
        }
        fields.add(field.toString());
        field.setLength(0);
        each.accept(new Record(recordLine, List.copyOf(fields)));
        fields.clear();
        line++;
        recordLine = line;
      } else {
        field.append((char) c);
      }
    }
    if (!field.isEmpty() || !fields.isEmpty()) {
      fields.add(field.toString());
      each.accept(new Record(recordLine, List.copyOf(fields)));
    }
  }

  /** The decoded characters through a buffer of their own, with one character of look-ahead. */
  private static final class Chars {

    static final int END = -1;

    private final Reader reader;
    private final char[] buffer = new char[READ_BUFFER];
    private int length;
    private int position;

    Chars(Reader reader) {
      this.reader = reader;
    }

    int next() throws IOException {
      int c = peek();
      if (c != END) {
        position++;
      }
      return c;
    }

    int peek() throws IOException {
      while (position == length) {
        length = reader.read(buffer);
        position = 0;
        if (length < 0) {
          length = 0;
          return END;
        }
      }
      return buffer[position];
    }
  }
}
