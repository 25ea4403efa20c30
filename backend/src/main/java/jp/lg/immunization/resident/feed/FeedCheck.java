package jp.lg.immunization.resident.feed;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.lg.immunization.platform.JapaneseDates;
import jp.lg.immunization.resident.InvalidMyNumberException;
import jp.lg.immunization.resident.MyNumber;

/**
 * Checks the lines of one feed file, against each other and the register: every problem of a line with its E-code,
 * in Japanese. A file is applied only when every line passes, so a check here is all that stands between a wrong line
 * and the register. Lines are checked in chunks (for progress); what the file says as a whole is read first.
 */
final class FeedCheck {

  /**
   * @param items by FeedItem key, normalised (ISO dates, MALE/FEMALE, katakana); never the 個人番号
   * @param myNumberHeld whether the register already holds the line's 個人番号 for the line's resident
   */
  record Checked(int line, List<FeedProblem> problems, Map<String, String> items, MyNumber myNumber,
                 boolean myNumberHeld) {

    boolean accepted() {
      return problems.isEmpty();
    }
  }

  private static final Pattern SERIAL = Pattern.compile("[0-9A-Za-z\\-]{1,32}");
  private static final Pattern ADDRESSEE = Pattern.compile("\\d{10}");
  private static final Pattern INTEGRATED = Pattern.compile("\\d{1,15}");
  private static final Pattern RESIDENT_CODE = Pattern.compile("\\d{11}");
  private static final Pattern POSTAL = Pattern.compile("\\d{3}-?\\d{4}");
  private static final Pattern PHONE = Pattern.compile("[0-9\\-]{1,20}");
  private static final Pattern KANA = Pattern.compile("[\\u30A1-\\u30FA\\u30FC ]+");

  private final RegisterStore register;
  private final LocalDate today;
  /** Per 宛名番号, the earliest 異動日 of a line of this file that brings the whole resident. */
  private final Map<String, LocalDate> createdInFile = new HashMap<>();
  private final Map<String, Integer> serialLines = new HashMap<>();
  private final Map<MyNumber, String> myNumbersInFile = new HashMap<>();

  FeedCheck(RegisterStore register, LocalDate today, List<FeedFile.Line> wholeFile) {
    this.register = register;
    this.today = today;
    for (FeedFile.Line line : wholeFile) {
      serialLines.putIfAbsent(normalised(line, FeedItem.EVENT_SERIAL), line.line());
      FeedEvent event = FeedEvent.byLabel(normalised(line, FeedItem.EVENT)).orElse(null);
      LocalDate movedOn = JapaneseDates.parse(normalised(line, FeedItem.MOVED_ON)).orElse(null);
      String addressee = normalised(line, FeedItem.ADDRESSEE_NUMBER);
      if (event != null && event.creates() && movedOn != null) {
        createdInFile.merge(addressee, movedOn, (a, b) -> a.isBefore(b) ? a : b);
      }
      myNumber(line.items().get(FeedItem.MY_NUMBER))
          .ifPresent(number -> myNumbersInFile.putIfAbsent(number, addressee));
    }
  }

  List<Checked> check(List<FeedFile.Line> chunk) {
    Map<String, RegisterStore.Known> known = register.byAddresseeNumbers(chunk.stream()
        .map(line -> line.items().get(FeedItem.ADDRESSEE_NUMBER)).filter(Objects::nonNull).distinct().toList());
    Map<MyNumber, String> myNumberHolders = register.holdersOfMyNumbers(chunk.stream()
        .flatMap(line -> myNumber(line.items().get(FeedItem.MY_NUMBER)).stream()).distinct().toList());
    Map<String, String> integratedHolders = register.holdersOfIntegratedNumbers(chunk.stream()
        .map(line -> line.items().get(FeedItem.INTEGRATED_ADDRESSEE_NUMBER))
        .filter(number -> number != null && !number.isEmpty()).distinct().toList());
    List<Checked> checked = new ArrayList<>(chunk.size());
    for (FeedFile.Line line : chunk) {
      checked.add(new LineCheck(line, known, myNumberHolders, integratedHolders).run());
    }
    return checked;
  }

  private static Optional<MyNumber> myNumber(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MyNumber.parse(text));
    } catch (InvalidMyNumberException invalid) {
      return Optional.empty();
    }
  }

  private final class LineCheck {

    private final FeedFile.Line line;
    private final Map<String, RegisterStore.Known> known;
    private final Map<MyNumber, String> myNumberHolders;
    private final Map<String, String> integratedHolders;
    private final List<FeedProblem> problems = new ArrayList<>();
    private final Map<String, String> items = new LinkedHashMap<>();
    private MyNumber myNumber;
    private boolean myNumberHeld;

    LineCheck(FeedFile.Line line, Map<String, RegisterStore.Known> known, Map<MyNumber, String> myNumberHolders,
              Map<String, String> integratedHolders) {
      this.line = line;
      this.known = known;
      this.myNumberHolders = myNumberHolders;
      this.integratedHolders = integratedHolders;
    }

    Checked run() {
      if (!line.columnsMatch()) {
        problems.add(FeedProblem.of("E104", null, "項目の数が1行目の項目名の数と合いません"));
      }
      for (FeedItem item : FeedItem.values()) {
        String value = value(item);
        if (value.length() > item.maxLength()) {
          problems.add(FeedProblem.of("E103", item, item.header() + "が長すぎます（" + item.maxLength() + "文字まで）"));
        } else if (!value.isEmpty() && item != FeedItem.MY_NUMBER) {
          items.put(item.key(), value);
        }
      }
      FeedEvent event = event();
      String serial = required(FeedItem.EVENT_SERIAL);
      if (serial != null) {
        if (!SERIAL.matcher(serial).matches()) {
          format(FeedItem.EVENT_SERIAL, "英数字とハイフン32文字まで");
        } else if (serialLines.get(serial) != line.line()) {
          problems.add(FeedProblem.of("E112", FeedItem.EVENT_SERIAL, "同じ異動連番が" + serialLines.get(serial)
              + "行目にもあります"));
        }
      }
      String addressee = required(FeedItem.ADDRESSEE_NUMBER);
      if (addressee != null && !ADDRESSEE.matcher(addressee).matches()) {
        format(FeedItem.ADDRESSEE_NUMBER, "10桁の数字");
        addressee = null;
      }
      LocalDate movedOn = date(FeedItem.MOVED_ON, true);
      if (movedOn != null && movedOn.isAfter(today)) {
        problems.add(FeedProblem.of("E108", FeedItem.MOVED_ON, "異動日が未来の日付です"));
      }
      if (event != null) {
        event.required().forEach(this::required);
        date(FeedItem.NOTIFIED_ON, false);
        checkResident(event, addressee, movedOn);
      }
      checkIdentity(movedOn);
      checkCodes(addressee);
      return new Checked(line.line(), List.copyOf(problems), problems.isEmpty() ? items : Map.copyOf(items),
          problems.isEmpty() ? myNumber : null, myNumberHeld);
    }

    private FeedEvent event() {
      String label = required(FeedItem.EVENT);
      if (label == null) {
        return null;
      }
      FeedEvent event = FeedEvent.byLabel(label).orElse(null);
      if (event == null) {
        problems.add(FeedProblem.of("E105", FeedItem.EVENT, "異動事由「" + label + "」は扱えません（全件、転入、出生、"
            + "転出、死亡、転居、氏名変更、世帯変更、職権記載、職権消除、住民票コード変更、個人番号変更のいずれか）"));
      }
      return event;
    }

    /** A change needs the resident in the register, or a line of this file that brings them no later. */
    private void checkResident(FeedEvent event, String addressee, LocalDate movedOn) {
      if (addressee == null || event.creates() || known.containsKey(addressee)) {
        return;
      }
      LocalDate created = createdInFile.get(addressee);
      if (created == null || movedOn == null || created.isAfter(movedOn)) {
        problems.add(FeedProblem.of("E110", FeedItem.ADDRESSEE_NUMBER, "この宛名番号の住民は登録されていません（"
            + event.label() + "の前に転入・出生などの異動が必要です）"));
      }
    }

    private void checkIdentity(LocalDate movedOn) {
      LocalDate birth = date(FeedItem.BIRTH_DATE, false);
      if (birth != null && (birth.isAfter(today) || movedOn != null && birth.isAfter(movedOn))) {
        problems.add(FeedProblem.of("E114", FeedItem.BIRTH_DATE, "生年月日が異動日より後です"));
      }
      String sex = value(FeedItem.SEX);
      if (!sex.isEmpty()) {
        switch (sex) {
          case "男", "1" -> items.put(FeedItem.SEX.key(), "MALE");
          case "女", "2" -> items.put(FeedItem.SEX.key(), "FEMALE");
          default -> format(FeedItem.SEX, "男 または 女");
        }
      }
      kana(FeedItem.FAMILY_NAME_KANA);
      kana(FeedItem.GIVEN_NAME_KANA);
      pattern(FeedItem.POSTAL_CODE, POSTAL, "123-4567");
      pattern(FeedItem.PHONE, PHONE, "数字とハイフン");
    }

    private void checkCodes(String addressee) {
      pattern(FeedItem.RESIDENT_CODE, RESIDENT_CODE, "11桁の数字");
      if (pattern(FeedItem.INTEGRATED_ADDRESSEE_NUMBER, INTEGRATED, "15桁までの数字")) {
        String holder = integratedHolders.get(value(FeedItem.INTEGRATED_ADDRESSEE_NUMBER));
        if (holder != null && !holder.equals(addressee)) {
          problems.add(FeedProblem.of("E115", FeedItem.INTEGRATED_ADDRESSEE_NUMBER,
              "この統合宛名番号は別の宛名番号の住民に結び付いています"));
        }
      }
      String text = value(FeedItem.MY_NUMBER);
      if (text.isEmpty()) {
        return;
      }
      try {
        myNumber = MyNumber.parse(text);
      } catch (InvalidMyNumberException invalid) {
        // R03: the message never repeats the digits.
        problems.add(FeedProblem.of(invalid.checkDigitWrong() ? "E106" : "E102", FeedItem.MY_NUMBER,
            invalid.getMessage()));
        return;
      }
      myNumberHeld = addressee != null && addressee.equals(myNumberHolders.get(myNumber));
      String holder = myNumberHolders.getOrDefault(myNumber, myNumbersInFile.get(myNumber));
      if (holder != null && !holder.equals(addressee)) {
        problems.add(FeedProblem.of("E113", FeedItem.MY_NUMBER, "この個人番号は別の宛名番号の住民のものです"));
      }
    }

    private String value(FeedItem item) {
      return normalised(line, item);
    }

    private String required(FeedItem item) {
      String value = value(item);
      if (value.isEmpty()) {
        if (problems.stream().noneMatch(p -> "E101".equals(p.code()) && item.key().equals(p.item()))) {
          problems.add(FeedProblem.of("E101", item, item.header() + "がありません"));
        }
        return null;
      }
      return value;
    }

    private LocalDate date(FeedItem item, boolean required) {
      String value = required ? required(item) : value(item);
      if (value == null || value.isEmpty()) {
        return null;
      }
      LocalDate date = JapaneseDates.parse(value).orElse(null);
      if (date == null) {
        format(item, "日付（2024-04-01、令和6年4月1日など）");
      } else {
        items.put(item.key(), date.toString());
      }
      return date;
    }

    private void kana(FeedItem item) {
      String value = value(item);
      if (value.isEmpty()) {
        return;
      }
      String katakana = toKatakana(value);
      if (KANA.matcher(katakana).matches()) {
        items.put(item.key(), katakana);
      } else {
        format(item, "カタカナ");
      }
    }

    /** @return whether the item is present and well-formed */
    private boolean pattern(FeedItem item, Pattern pattern, String expected) {
      String value = value(item);
      if (value.isEmpty()) {
        return false;
      }
      if (!pattern.matcher(value).matches()) {
        format(item, expected);
        return false;
      }
      return true;
    }

    private void format(FeedItem item, String expected) {
      problems.add(FeedProblem.of("E102", item, item.header() + "の形式が正しくありません（" + expected + "）"));
    }
  }

  /** Full-width digits and letters as half-width, as clerks' systems write either. */
  private static String normalised(FeedFile.Line line, FeedItem item) {
    String raw = line.items().get(item);
    return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
  }

  private static String toKatakana(String text) {
    StringBuilder katakana = new StringBuilder(text.length());
    text.codePoints().map(c -> c >= 'ぁ' && c <= 'ゖ' ? c + ('ァ' - 'ぁ') : c).forEach(katakana::appendCodePoint);
    return katakana.toString();
  }
}
