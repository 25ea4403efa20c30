package jp.lg.immunization.resident;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates a synthetic resident register for the fictional 埼玉県架空市, shaped like a Japanese city
 * of about 200,000 people (roughly 12% under 15 and 29% aged 65 or over) and grouped into
 * plausible households, so that every vaccination cohort from newborns to the elderly is populated.
 *
 * <p>Output depends only on the seed and the reference date, so test fixtures and benchmarks are
 * reproducible. {@link java.util.Random} is used because its algorithm is part of its specification,
 * which keeps the output identical across JDK versions. Instances are immutable and thread-safe;
 * every call starts again from the seed.
 *
 * <p>Everything is invented: names are drawn from pools of common names, the city does not exist,
 * and phone numbers use the unassigned {@code 000} prefix. 個人番号 carry a valid check digit, so a
 * generated number may coincide with an issued one, but nothing ties it to that person.
 */
public final class SyntheticResidentGenerator {

  private static final String PREFECTURE_AND_CITY = "埼玉県架空市";
  private static final long MY_NUMBER_SPACE = 100_000_000_000L;
  // Naming fashions changed markedly, so given names are drawn from a pool matching the birth year.
  private static final int MODERN_NAMES_FROM = 2005;
  private static final int MIDDLE_NAMES_FROM = 1970;

  private record Name(String kanji, String kana) {}

  // Ordered by approximate national frequency; familyName() weights by this rank.
  private static final List<Name> FAMILY_NAMES = names(
      "佐藤", "サトウ", "鈴木", "スズキ", "高橋", "タカハシ", "田中", "タナカ",
      "伊藤", "イトウ", "渡辺", "ワタナベ", "山本", "ヤマモト", "中村", "ナカムラ",
      "小林", "コバヤシ", "加藤", "カトウ", "吉田", "ヨシダ", "山田", "ヤマダ",
      "佐々木", "ササキ", "山口", "ヤマグチ", "松本", "マツモト", "井上", "イノウエ",
      "木村", "キムラ", "林", "ハヤシ", "斎藤", "サイトウ", "清水", "シミズ",
      "山崎", "ヤマザキ", "森", "モリ", "池田", "イケダ", "橋本", "ハシモト",
      "阿部", "アベ", "石川", "イシカワ", "山下", "ヤマシタ", "中島", "ナカジマ",
      "石井", "イシイ", "小川", "オガワ", "前田", "マエダ", "岡田", "オカダ",
      "長谷川", "ハセガワ", "藤田", "フジタ", "後藤", "ゴトウ", "近藤", "コンドウ",
      "村上", "ムラカミ", "遠藤", "エンドウ", "青木", "アオキ", "坂本", "サカモト",
      "斉藤", "サイトウ", "福田", "フクダ", "太田", "オオタ", "西村", "ニシムラ",
      "藤井", "フジイ", "金子", "カネコ", "岡本", "オカモト", "藤原", "フジワラ",
      "中野", "ナカノ", "三浦", "ミウラ", "原田", "ハラダ", "中川", "ナカガワ",
      "松田", "マツダ", "竹内", "タケウチ", "小野", "オノ", "田村", "タムラ",
      "中山", "ナカヤマ", "和田", "ワダ", "石田", "イシダ", "森田", "モリタ",
      "上田", "ウエダ", "原", "ハラ", "内田", "ウチダ", "柴田", "シバタ",
      "酒井", "サカイ", "宮崎", "ミヤザキ", "横山", "ヨコヤマ", "高木", "タカギ",
      "安藤", "アンドウ", "宮本", "ミヤモト", "大野", "オオノ", "小島", "コジマ",
      "工藤", "クドウ", "谷口", "タニグチ", "今井", "イマイ", "高田", "タカダ",
      "丸山", "マルヤマ", "増田", "マスダ", "杉山", "スギヤマ", "村田", "ムラタ",
      "大塚", "オオツカ", "小山", "コヤマ", "藤本", "フジモト", "平野", "ヒラノ",
      "新井", "アライ", "関口", "セキグチ", "島田", "シマダ", "野口", "ノグチ");

  private static final double[] FAMILY_NAME_CUMULATIVE_WEIGHTS = rankWeights(FAMILY_NAMES.size());

  private static final List<Name> MALE_MODERN = names(
      "蓮", "レン", "陽翔", "ハルト", "湊", "ミナト", "蒼", "アオイ", "樹", "イツキ",
      "大翔", "ヒロト", "悠真", "ユウマ", "陽向", "ヒナタ", "朝陽", "アサヒ", "律", "リツ",
      "颯真", "ソウマ", "悠人", "ユウト", "結翔", "ユイト", "大和", "ヤマト", "奏太", "ソウタ",
      "碧", "アオ", "蒼空", "ソラ", "陸", "リク", "新", "アラタ", "颯", "ハヤテ");

  private static final List<Name> MALE_MIDDLE = names(
      "翔太", "ショウタ", "大輔", "ダイスケ", "拓也", "タクヤ", "健太", "ケンタ", "直樹", "ナオキ",
      "達也", "タツヤ", "和也", "カズヤ", "翔", "ショウ", "大樹", "ダイキ", "誠", "マコト",
      "健一", "ケンイチ", "哲也", "テツヤ", "剛", "ツヨシ", "隆", "タカシ", "浩二", "コウジ",
      "亮", "リョウ", "拓海", "タクミ", "雄太", "ユウタ", "健太郎", "ケンタロウ", "秀樹", "ヒデキ");

  private static final List<Name> MALE_OLDER = names(
      "茂", "シゲル", "清", "キヨシ", "博", "ヒロシ", "進", "ススム", "勇", "イサム",
      "実", "ミノル", "正", "タダシ", "弘", "ヒロシ", "武", "タケシ", "明", "アキラ",
      "勝", "マサル", "稔", "ミノル", "和夫", "カズオ", "昭", "アキラ", "豊", "ユタカ",
      "正夫", "マサオ", "三郎", "サブロウ", "一郎", "イチロウ", "修", "オサム", "保", "タモツ");

  private static final List<Name> FEMALE_MODERN = names(
      "陽葵", "ヒマリ", "凛", "リン", "芽依", "メイ", "結菜", "ユイナ", "紬", "ツムギ",
      "葵", "アオイ", "澪", "ミオ", "咲良", "サクラ", "結衣", "ユイ", "莉子", "リコ",
      "美桜", "ミオ", "杏", "アン", "結愛", "ユア", "心春", "コハル", "翠", "スイ",
      "詩", "ウタ", "陽菜", "ヒナ", "花", "ハナ", "彩葉", "イロハ", "琴音", "コトネ");

  private static final List<Name> FEMALE_MIDDLE = names(
      "美咲", "ミサキ", "愛", "アイ", "彩", "アヤ", "舞", "マイ", "麻衣", "マイ",
      "優花", "ユウカ", "由美", "ユミ", "真由美", "マユミ", "恵", "メグミ", "裕子", "ユウコ",
      "智子", "トモコ", "陽子", "ヨウコ", "直美", "ナオミ", "久美子", "クミコ", "明美", "アケミ",
      "香織", "カオリ", "美穂", "ミホ", "恵美", "エミ", "沙織", "サオリ", "千尋", "チヒロ");

  private static final List<Name> FEMALE_OLDER = names(
      "和子", "カズコ", "幸子", "サチコ", "節子", "セツコ", "洋子", "ヨウコ", "京子", "キョウコ",
      "恵子", "ケイコ", "美智子", "ミチコ", "久子", "ヒサコ", "文子", "フミコ", "弘子", "ヒロコ",
      "信子", "ノブコ", "悦子", "エツコ", "千代子", "チヨコ", "君子", "キミコ", "静子", "シズコ",
      "清子", "キヨコ", "敏子", "トシコ", "光子", "ミツコ", "登美子", "トミコ", "良子", "ヨシコ");

  // Generic town names found in many Japanese cities; the postal code is derived from the index.
  private static final List<String> TOWNS = List.of(
      "本町", "仲町", "栄町", "緑町", "桜木町", "若葉台", "旭町", "東町", "西町", "南町",
      "北町", "中央", "泉町", "富士見町", "日の出町", "松原", "寿町", "宮前", "新田", "上町",
      "元町", "柳町", "幸町", "朝日が丘", "青葉台", "桜ケ丘", "松が丘", "花園", "川端", "梅園",
      "駅前", "住吉", "曙町", "錦町", "春日町");

  private static final List<String> BUILDINGS = List.of(
      "コーポ桜", "メゾン緑", "ハイツ本町", "サンハイム", "パークサイド架空", "グリーンヒルズ",
      "レジデンス旭", "ロイヤルコート", "エスポワール", "ヴィラ泉", "フォレスト松原", "シャトー若葉");

  private static final int APARTMENT_LOT_PERCENT = 35;

  private final long seed;
  private final LocalDate referenceDate;

  /**
   * @param referenceDate the day on which generated ages hold; normally a fixed date in tests so
   *     that cohorts (e.g. infants due for a vaccine) do not drift as the calendar moves
   */
  public SyntheticResidentGenerator(long seed, LocalDate referenceDate) {
    this.seed = seed;
    this.referenceDate = Objects.requireNonNull(referenceDate, "referenceDate");
  }

  /** Exactly {@code count} residents, whole households first, as an unmodifiable list. */
  public List<GeneratedResident> generate(int count) {
    return stream(count).toList();
  }

  /**
   * The same residents as {@link #generate(int)}, produced lazily so large populations can be
   * written out without holding them in memory. Members of a household are adjacent, head first;
   * only the last household may be cut short to reach {@code count}.
   */
  public Stream<GeneratedResident> stream(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    return StreamSupport.stream(
        Spliterators.spliterator(new Run(count), count,
            Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
        false);
  }

  // Weights are per household, tuned so that a large population comes out at about 12% under 15
  // and 29% aged 65 or over, with roughly two persons per household like cities around Tokyo.
  private enum HouseholdType {
    SINGLE_YOUNG(14),
    SINGLE_MIDDLE_AGED(11),
    SINGLE_ELDERLY(17),
    COUPLE(11),
    ELDERLY_COUPLE(14),
    COUPLE_WITH_CHILDREN(15),
    SINGLE_PARENT(6),
    THREE_GENERATIONS(5),
    ADULT_CHILD_WITH_PARENT(5);

    private static final HouseholdType[] VALUES = values();
    private static final int TOTAL_WEIGHT = Arrays.stream(VALUES).mapToInt(t -> t.weight).sum();

    private final int weight;

    HouseholdType(int weight) {
      this.weight = weight;
    }
  }

  /** A household member before names and numbers are assigned; inLaw members keep their own family name. */
  private record Member(String relationship, Sex sex, int age, boolean inLaw) {}

  /** State of one generation pass; a fresh instance per stream keeps every call reproducible. */
  private final class Run implements Iterator<GeneratedResident> {

    private final Random random = new Random(seed);
    private final Deque<GeneratedResident> pending = new ArrayDeque<>();
    private final long addresseeBase = 1_000_000_000L + random.nextInt(Integer.MAX_VALUE);
    private final long householdBase = 1_000_000_000L + random.nextInt(Integer.MAX_VALUE);
    // An affine map that is a bijection modulo 10^11 (multiplier coprime to 10) gives unique,
    // non-sequential 個人番号 without remembering the ones already issued. The multiplier stays
    // below 2^32 so that multiplier * index (index < 2^31) cannot overflow.
    private final long myNumberMultiplier =
        10L * (100_000_000 + random.nextInt(300_000_000)) + new int[] {1, 3, 7, 9}[random.nextInt(4)];
    private final long myNumberOffset = random.nextInt(100_000) * 1_000_000L + random.nextInt(1_000_000);
    private int remaining;
    private int residentIndex;
    private int householdIndex;

    Run(int count) {
      this.remaining = count;
    }

    @Override
    public boolean hasNext() {
      return remaining > 0;
    }

    @Override
    public GeneratedResident next() {
      if (remaining == 0) {
        throw new NoSuchElementException();
      }
      if (pending.isEmpty()) {
        addHousehold();
      }
      remaining--;
      return pending.removeFirst();
    }

    private void addHousehold() {
      List<Member> members = planHousehold();
      if (members.size() > remaining) {
        // The head always comes first, so a cut household still has its 世帯主.
        members = members.subList(0, remaining);
      }
      Name family = familyName();
      Name inLawFamily = null;
      String householdNumber = Long.toString(householdBase + householdIndex++);
      int town = random.nextInt(TOWNS.size());
      String postalCode = "360-0" + zeroPadded(811 + town, 3);
      String address = address(town);
      String phone = "000-" + zeroPadded(random.nextInt(10_000), 4) + "-" + zeroPadded(random.nextInt(10_000), 4);
      // A child is practically never given a parent's or sibling's given name.
      Set<String> usedGivenNames = new HashSet<>();
      String headName = null;
      for (Member member : members) {
        Name memberFamily = family;
        if (member.inLaw()) {
          if (inLawFamily == null) {
            inLawFamily = differentFamilyName(family);
          }
          memberFamily = inLawFamily;
        }
        LocalDate birthDate = birthDateForAge(member.age());
        Name given;
        do {
          given = givenName(member.sex(), birthDate.getYear());
        } while (!usedGivenNames.add(given.kanji()));
        if (headName == null) {
          headName = memberFamily.kanji() + GeneratedResident.NAME_SEPARATOR + given.kanji();
        }
        pending.addLast(new GeneratedResident(
            Long.toString(addresseeBase + residentIndex),
            nextMyNumber(),
            memberFamily.kanji(),
            given.kanji(),
            memberFamily.kana(),
            given.kana(),
            birthDate,
            member.sex(),
            postalCode,
            address,
            phone,
            householdNumber,
            member.relationship(),
            headName));
        residentIndex++;
      }
    }

    private MyNumber nextMyNumber() {
      long body = (myNumberMultiplier * residentIndex + myNumberOffset) % MY_NUMBER_SPACE;
      return MyNumber.withCheckDigit(zeroPadded(body, 11));
    }

    private HouseholdType householdType() {
      int roll = random.nextInt(HouseholdType.TOTAL_WEIGHT);
      for (HouseholdType type : HouseholdType.VALUES) {
        roll -= type.weight;
        if (roll < 0) {
          return type;
        }
      }
      throw new AssertionError("roll exceeds the total weight");
    }

    private List<Member> planHousehold() {
      List<Member> members = new ArrayList<>(6);
      switch (householdType()) {
        case SINGLE_YOUNG -> members.add(head(anySex(), between(18, 39)));
        case SINGLE_MIDDLE_AGED -> members.add(head(anySex(), between(40, 64)));
        case SINGLE_ELDERLY -> {
          int age = elderlyAge();
          // Women outlive men, so the share of women living alone grows with age.
          members.add(head(chance(0.55 + (age - 65) * 0.01) ? Sex.FEMALE : Sex.MALE, age));
        }
        case COUPLE -> {
          int husbandAge = between(23, 64);
          addCouple(members, husbandAge, wifeAgeFor(husbandAge), chance(0.92));
        }
        case ELDERLY_COUPLE -> {
          int husbandAge = elderlyAge();
          addCouple(members, husbandAge, wifeAgeFor(husbandAge), chance(0.92));
        }
        case COUPLE_WITH_CHILDREN -> {
          int eldestChildAge = between(0, 32);
          int motherAge = eldestChildAge + between(24, 38);
          addCouple(members, husbandAgeFor(motherAge), motherAge, chance(0.92));
          addChildren(members, "子", eldestChildAge, childCount());
        }
        case SINGLE_PARENT -> {
          int eldestChildAge = between(0, 22);
          members.add(head(chance(0.85) ? Sex.FEMALE : Sex.MALE, eldestChildAge + between(22, 38)));
          addChildren(members, "子", eldestChildAge, chance(0.6) ? 1 : 2);
        }
        case THREE_GENERATIONS -> {
          if (chance(0.6)) {
            addThreeGenerationsWithParents(members);
          } else {
            addThreeGenerationsWithGrandchildren(members);
          }
        }
        case ADULT_CHILD_WITH_PARENT -> {
          int headAge = between(40, 62);
          members.add(head(anySex(), headAge));
          boolean mother = chance(0.75);
          members.add(new Member(mother ? "母" : "父", mother ? Sex.FEMALE : Sex.MALE,
              headAge + between(24, 36), false));
        }
      }
      return members;
    }

    // 世帯主 is the husband in the vast majority of registered couples; the rest exercise 夫.
    private void addCouple(List<Member> members, int husbandAge, int wifeAge, boolean husbandIsHead) {
      if (husbandIsHead) {
        members.add(head(Sex.MALE, husbandAge));
        members.add(new Member("妻", Sex.FEMALE, wifeAge, false));
      } else {
        members.add(head(Sex.FEMALE, wifeAge));
        members.add(new Member("夫", Sex.MALE, husbandAge, false));
      }
    }

    private void addThreeGenerationsWithParents(List<Member> members) {
      int eldestChildAge = between(0, 18);
      int motherAge = eldestChildAge + between(24, 38);
      int headAge = husbandAgeFor(motherAge);
      addCouple(members, headAge, motherAge, true);
      addChildren(members, "子", eldestChildAge, childCount());
      // Most co-resident grandparents are the husband's parents; the wife's parents keep
      // their own family name, which exercises searches across differing family names.
      boolean wifeSide = chance(0.15);
      int grandmotherAge = (wifeSide ? motherAge : headAge) + between(24, 36);
      int grandfatherAge = husbandAgeFor(grandmotherAge);
      // Both grandparents half of the time, otherwise mostly the widowed grandmother.
      double roll = random.nextDouble();
      if (roll < 0.65) {
        members.add(new Member(wifeSide ? "妻の父" : "父", Sex.MALE, grandfatherAge, wifeSide));
      }
      if (roll >= 0.15) {
        members.add(new Member(wifeSide ? "妻の母" : "母", Sex.FEMALE, grandmotherAge, wifeSide));
      }
    }

    private void addThreeGenerationsWithGrandchildren(List<Member> members) {
      int eldestGrandchildAge = between(0, 18);
      int daughterInLawAge = eldestGrandchildAge + between(24, 38);
      int sonAge = husbandAgeFor(daughterInLawAge);
      int grandmotherAge = sonAge + between(24, 36);
      int headAge = husbandAgeFor(grandmotherAge);
      if (chance(0.75)) {
        addCouple(members, headAge, grandmotherAge, true);
      } else {
        members.add(head(Sex.MALE, headAge));
      }
      members.add(new Member("子", Sex.MALE, sonAge, false));
      members.add(new Member("子の妻", Sex.FEMALE, daughterInLawAge, false));
      addChildren(members, "孫", eldestGrandchildAge, childCount());
    }

    /**
     * Eldest first, siblings one to four years apart. Planned younger siblings that would not
     * be born yet are dropped; drawing the eldest's age (rather than the youngest's) keeps the
     * number of children per year of age flat instead of piling up in the early school years.
     */
    private void addChildren(List<Member> members, String relationship, int eldestAge, int plannedCount) {
      int age = eldestAge;
      for (int i = 0; i < plannedCount && age >= 0; i++) {
        members.add(new Member(relationship, anySex(), age, false));
        age -= between(1, 4);
      }
    }

    private int childCount() {
      double roll = random.nextDouble();
      return roll < 0.40 ? 1 : roll < 0.85 ? 2 : 3;
    }

    private Member head(Sex sex, int age) {
      return new Member("世帯主", sex, age, false);
    }

    /** 65-100 with a linearly falling density: about half 65-74, a fifth 85 or older. */
    private int elderlyAge() {
      return 65 + Math.min(random.nextInt(36), random.nextInt(36));
    }

    // Husbands are typically a little older; the bounds keep couples adult and within 100.
    private int wifeAgeFor(int husbandAge) {
      return Math.max(18, Math.min(100, husbandAge - between(-2, 6)));
    }

    private int husbandAgeFor(int wifeAge) {
      return Math.min(100, wifeAge + between(-2, 6));
    }

    private LocalDate birthDateForAge(int age) {
      // Any day from the day after the (age+1)-th birthday up to the age-th birthday gives
      // exactly `age` completed years on the reference date.
      LocalDate latest = referenceDate.minusYears(age);
      LocalDate earliest = referenceDate.minusYears(age + 1L).plusDays(1);
      return earliest.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(earliest, latest) + 1));
    }

    private Name familyName() {
      int index = Arrays.binarySearch(FAMILY_NAME_CUMULATIVE_WEIGHTS, random.nextDouble());
      return FAMILY_NAMES.get(index >= 0 ? index : -index - 1);
    }

    private Name differentFamilyName(Name other) {
      Name name;
      do {
        name = familyName();
      } while (name.kanji().equals(other.kanji()));
      return name;
    }

    private Name givenName(Sex sex, int birthYear) {
      List<Name> pool;
      if (birthYear >= MODERN_NAMES_FROM) {
        pool = sex == Sex.MALE ? MALE_MODERN : FEMALE_MODERN;
      } else if (birthYear >= MIDDLE_NAMES_FROM) {
        pool = sex == Sex.MALE ? MALE_MIDDLE : FEMALE_MIDDLE;
      } else {
        pool = sex == Sex.MALE ? MALE_OLDER : FEMALE_OLDER;
      }
      return pool.get(random.nextInt(pool.size()));
    }

    private String address(int town) {
      int chome = between(1, 5);
      int ban = between(1, 30);
      int go = between(1, 20);
      StringBuilder address = new StringBuilder(48)
          .append(PREFECTURE_AND_CITY).append(TOWNS.get(town))
          .append(chome).append("丁目").append(ban).append('番').append(go).append('号');
      // Whether a lot holds an apartment building is a fixed property of the fictional map,
      // not of the seed, so every household on that lot sees the same building.
      int lot = ((town * 5 + chome) * 30 + ban) * 20 + go;
      int mixed = (lot * 0x9E3779B1) >>> 8;
      if (mixed % 100 < APARTMENT_LOT_PERCENT) {
        address.append(' ').append(BUILDINGS.get(mixed % BUILDINGS.size()))
            .append(between(1, 5)).append(zeroPadded(between(1, 8), 2)).append("号室");
      }
      return address.toString();
    }

    private Sex anySex() {
      return random.nextInt(100) < 51 ? Sex.MALE : Sex.FEMALE;
    }

    private boolean chance(double probability) {
      return random.nextDouble() < probability;
    }

    private int between(int lowest, int highest) {
      return lowest + random.nextInt(highest - lowest + 1);
    }
  }

  private static String zeroPadded(long value, int width) {
    String digits = Long.toString(value);
    return "0".repeat(width - digits.length()) + digits;
  }

  /**
   * A kanji spelling for a katakana name from the generator's pools, so that a simulated national
   * system can answer with a plausible written name for whatever reading staff typed.
   */
  static Optional<String> kanjiForKana(String kana) {
    return Stream.of(FAMILY_NAMES, MALE_MODERN, MALE_MIDDLE, MALE_OLDER, FEMALE_MODERN, FEMALE_MIDDLE, FEMALE_OLDER)
        .flatMap(List::stream).filter(name -> name.kana().equals(kana)).map(Name::kanji).findFirst();
  }

  private static List<Name> names(String... kanjiAndKana) {
    List<Name> names = new ArrayList<>(kanjiAndKana.length / 2);
    for (int i = 0; i < kanjiAndKana.length; i += 2) {
      names.add(new Name(kanjiAndKana[i], kanjiAndKana[i + 1]));
    }
    return List.copyOf(names);
  }

  /** Cumulative, normalised 1/(rank + 5) weights: a few family names are very common, most are not. */
  private static double[] rankWeights(int size) {
    double[] cumulative = new double[size];
    double total = 0;
    for (int rank = 0; rank < size; rank++) {
      total += 1.0 / (rank + 5);
      cumulative[rank] = total;
    }
    for (int rank = 0; rank < size; rank++) {
      cumulative[rank] /= total;
    }
    return cumulative;
  }
}
