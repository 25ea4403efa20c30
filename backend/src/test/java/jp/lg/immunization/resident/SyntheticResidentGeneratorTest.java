package jp.lg.immunization.resident;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticResidentGeneratorTest {

  private static final long SEED = 20250401L;
  private static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 4, 1);
  private static final int CITY_SIZE = 200_000;
  private static final String KATAKANA = "[ァ-ヶー]+";
  private static final String HEAD = "世帯主";
  private static final Set<String> IN_LAWS = Set.of("妻の父", "妻の母");

  private List<GeneratedResident> city;
  private Map<String, List<GeneratedResident>> households;

  @BeforeAll
  void generateCity() {
    city = new SyntheticResidentGenerator(SEED, REFERENCE_DATE).generate(CITY_SIZE);
    households = city.stream()
        .collect(groupingBy(GeneratedResident::householdNumber, LinkedHashMap::new, toList()));
  }

  @Test
  void generates200000ResidentsWithUniqueAddresseeNumbersAndMyNumbers() {
    // Kept separate from the shared fixture so that its duration in the test report is the
    // cost of generating a city of 200,000.
    List<GeneratedResident> residents = new SyntheticResidentGenerator(7L, REFERENCE_DATE).generate(CITY_SIZE);

    assertThat(residents).hasSize(CITY_SIZE);
    assertThat(residents.stream().map(GeneratedResident::addresseeNumber).distinct().count()).isEqualTo(CITY_SIZE);
    assertThat(residents.stream().map(GeneratedResident::myNumber).distinct().count()).isEqualTo(CITY_SIZE);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 7, 1_000})
  void generatesExactlyTheRequestedCountWithAHeadInEveryHousehold(int count) {
    List<GeneratedResident> residents = new SyntheticResidentGenerator(SEED, REFERENCE_DATE).generate(count);

    assertThat(residents).hasSize(count);
    residents.stream().collect(groupingBy(GeneratedResident::householdNumber)).values()
        .forEach(members -> assertThat(members).filteredOn(r -> r.relationship().equals(HEAD)).hasSize(1));
  }

  @Test
  void rejectsNegativeCount() {
    assertThatThrownBy(() -> new SyntheticResidentGenerator(SEED, REFERENCE_DATE).stream(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameSeedAndReferenceDateGiveIdenticalOutput() {
    SyntheticResidentGenerator generator = new SyntheticResidentGenerator(SEED, REFERENCE_DATE);

    List<GeneratedResident> first = generator.generate(5_000);

    assertThat(generator.generate(5_000)).isEqualTo(first);
    assertThat(new SyntheticResidentGenerator(SEED, REFERENCE_DATE).stream(5_000).toList()).isEqualTo(first);
    assertThat(city.subList(0, 5_000)).isEqualTo(first);
  }

  @Test
  void differentSeedsGiveDifferentPopulations() {
    List<GeneratedResident> other = new SyntheticResidentGenerator(SEED + 1, REFERENCE_DATE).generate(1_000);

    assertThat(other).isNotEqualTo(city.subList(0, 1_000));
    assertThat(other).extracting(GeneratedResident::myNumber)
        .doesNotContainAnyElementsOf(city.subList(0, 1_000).stream().map(GeneratedResident::myNumber).toList());
  }

  @Test
  void streamIsLazy() {
    assertThat(new SyntheticResidentGenerator(SEED, REFERENCE_DATE).stream(Integer.MAX_VALUE).limit(3).toList())
        .isEqualTo(city.subList(0, 3));
  }

  @Test
  void R03_everyMyNumberPassesTheCheckDigitControl() {
    assertThat(city).allSatisfy(r -> assertThat(MyNumber.parse(r.myNumber().digits())).isEqualTo(r.myNumber()));
  }

  @Test
  void identifiersAndContactDataHaveTheExpectedFormat() {
    assertAllMatch(GeneratedResident::addresseeNumber, "\\d{10}");
    assertAllMatch(GeneratedResident::householdNumber, "\\d{10}");
    assertAllMatch(GeneratedResident::postalCode, "360-0\\d{3}");
    assertAllMatch(GeneratedResident::phone, "000-\\d{4}-\\d{4}");
    assertAllMatch(GeneratedResident::address,
        "埼玉県架空市\\S+?[1-5]丁目([1-9]|[12]\\d|30)番([1-9]|1\\d|20)号( \\S+[1-5]0[1-8]号室)?");
    assertThat(city).anyMatch(r -> r.address().endsWith("号室")).anyMatch(r -> r.address().endsWith("号"));
  }

  @Test
  void kanaIsFullWidthKatakanaOnly() {
    assertAllMatch(GeneratedResident::familyNameKana, KATAKANA);
    assertAllMatch(GeneratedResident::givenNameKana, KATAKANA);
    assertAllMatch(GeneratedResident::fullNameKana, KATAKANA + " " + KATAKANA);
  }

  @Test
  void fullNamesAreFamilyNameSpaceGivenName() {
    GeneratedResident resident = city.get(0);

    assertThat(resident.fullNameKanji()).isEqualTo(resident.familyNameKanji() + " " + resident.givenNameKanji());
    assertThat(resident.fullNameKana()).isEqualTo(resident.familyNameKana() + " " + resident.givenNameKana());
  }

  @Test
  void namePoolsAreVaried() {
    assertThat(city.stream().map(GeneratedResident::familyNameKanji).distinct().count()).isGreaterThanOrEqualTo(80);
    for (Sex sex : Sex.values()) {
      assertThat(city.stream().filter(r -> r.sex() == sex).map(GeneratedResident::givenNameKanji).distinct().count())
          .as("given names for %s", sex)
          .isGreaterThanOrEqualTo(60);
    }
    assertThat(city.stream().map(r -> r.address().substring(6, r.address().indexOf('丁') - 1)).distinct().count())
        .isGreaterThanOrEqualTo(30);
  }

  @Test
  void householdMembersShareAddressAndContactAndAreAdjacent() {
    Set<String> seen = new HashSet<>();
    String previous = null;
    for (GeneratedResident resident : city) {
      if (!resident.householdNumber().equals(previous)) {
        assertThat(seen.add(resident.householdNumber()))
            .as("household %s is contiguous", resident.householdNumber())
            .isTrue();
        previous = resident.householdNumber();
      }
    }
    assertEveryMember("same address, postal code and phone as the head", (head, member) ->
        member.address().equals(head.address())
            && member.postalCode().equals(head.postalCode())
            && member.phone().equals(head.phone()));
  }

  @Test
  void everyHouseholdHasExactlyOneHeadListedFirstWhoseNameEveryMemberCarries() {
    assertThat(households.values())
        .filteredOn(members -> !members.get(0).relationship().equals(HEAD)
            || members.stream().filter(r -> r.relationship().equals(HEAD)).count() != 1)
        .isEmpty();
    assertEveryMember("carries the head's name", (head, member) ->
        member.householdHeadNameKanji().equals(head.fullNameKanji()));
  }

  @Test
  void householdMembersShareTheFamilyNameExceptTheWifesParents() {
    assertEveryMember("shares the head's family name unless a parent of the wife", (head, member) ->
        IN_LAWS.contains(member.relationship())
            ? !member.familyNameKanji().equals(head.familyNameKanji())
            : member.familyNameKanji().equals(head.familyNameKanji())
                && member.familyNameKana().equals(head.familyNameKana()));
    assertThat(city).anyMatch(r -> IN_LAWS.contains(r.relationship()));
  }

  @Test
  void relationshipsAndAgesArePlausible() {
    Set<String> relationships = Set.of(HEAD, "妻", "夫", "子", "子の妻", "孫", "父", "母", "妻の父", "妻の母");
    assertThat(city.stream().map(GeneratedResident::relationship).distinct())
        .containsExactlyInAnyOrderElementsOf(relationships);

    assertEveryMember("has an age and sex plausible for the relationship", (head, member) -> {
      int headAge = age(head);
      return switch (member.relationship()) {
        case HEAD -> headAge >= 18;
        case "妻", "夫" -> member.sex() != head.sex();
        case "子" -> headAge - age(member) >= 18;
        case "孫" -> headAge - age(member) >= 36;
        case "父", "妻の父" -> member.sex() == Sex.MALE && age(member) - headAge >= 15;
        case "母", "妻の母" -> member.sex() == Sex.FEMALE && age(member) - headAge >= 15;
        default -> member.relationship().equals("子の妻") && member.sex() == Sex.FEMALE;
      };
    });
  }

  @Test
  void householdSizesRangeFromSinglesToThreeGenerations() {
    Map<Integer, Long> sizes = households.values().stream()
        .collect(groupingBy(List::size, counting()));

    assertThat(sizes.keySet()).contains(1, 2, 3, 4, 5, 6);
    assertThat(sizes.get(1) / (double) households.size())
        .as("share of single-person households")
        .isBetween(0.30, 0.45);
    assertThat(city.size() / (double) households.size()).as("persons per household").isBetween(1.9, 2.5);
    assertThat(households.values()).anyMatch(members -> members.stream().map(GeneratedResident::relationship).toList()
        .containsAll(List.of(HEAD, "子", "子の妻", "孫")));
  }

  @Test
  void agesAreOnOrBeforeTheReferenceDateAndAtMost100() {
    assertThat(city).allSatisfy(r -> {
      assertThat(r.birthDate()).isBeforeOrEqualTo(REFERENCE_DATE);
      assertThat(age(r)).isBetween(0, 100);
    });
  }

  @Test
  void ageDistributionResemblesAJapaneseCityOf200000() {
    assertThat(share(r -> age(r) < 15)).as("under 15").isCloseTo(0.12, within(0.015));
    assertThat(share(r -> age(r) >= 65)).as("65 and over").isCloseTo(0.29, within(0.015));
    assertThat(share(r -> age(r) >= 75)).as("75 and over").isCloseTo(0.15, within(0.02));
    assertThat(share(r -> age(r) < 3)).as("infants 0-2").isBetween(0.018, 0.030);
    assertThat(share(r -> r.sex() == Sex.FEMALE)).as("women").isBetween(0.49, 0.54);
    assertThat(share(r -> r.sex() == Sex.FEMALE && age(r) >= 85) / share(r -> age(r) >= 85))
        .as("women among those 85 and over").isGreaterThan(0.55);
  }

  @Test
  void everyVaccinationCohortIsPopulated() {
    // Routine infant schedules are set by age in months up to 36 months.
    Map<Long, Long> infantsByMonth = city.stream().filter(r -> months(r) < 36)
        .collect(groupingBy(SyntheticResidentGeneratorTest::months, counting()));
    assertThat(infantsByMonth).hasSize(36);
    assertThat(infantsByMonth.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(50));

    // Preschool MR, DT at 11-12, HPV for girls from 12 and catch-up, and the 65-year cohort
    // for pneumococcal vaccine all need both sexes present in every year of age.
    Map<Integer, Set<Sex>> sexesByAge = city.stream()
        .collect(groupingBy(SyntheticResidentGeneratorTest::age, mapping(GeneratedResident::sex, toSet())));
    IntStream.concat(IntStream.rangeClosed(0, 28), IntStream.of(60, 65, 70, 75, 80, 85, 90, 95))
        .forEach(age -> assertThat(sexesByAge.get(age)).as("sexes at age %d", age)
            .containsExactlyInAnyOrder(Sex.values()));
  }

  private void assertEveryMember(
      String description, BiPredicate<GeneratedResident, GeneratedResident> headAndMember) {
    List<GeneratedResident> offending = households.values().stream()
        .flatMap(members -> members.stream().filter(member -> !headAndMember.test(members.get(0), member)))
        .toList();
    assertThat(offending).as("every household member %s", description).isEmpty();
  }

  private void assertAllMatch(Function<GeneratedResident, String> field, String regex) {
    Pattern pattern = Pattern.compile(regex);
    assertThat(city).extracting(field).filteredOn(value -> !pattern.matcher(value).matches()).isEmpty();
  }

  private double share(Predicate<GeneratedResident> predicate) {
    return city.stream().filter(predicate).count() / (double) city.size();
  }

  private static int age(GeneratedResident resident) {
    return Period.between(resident.birthDate(), REFERENCE_DATE).getYears();
  }

  private static long months(GeneratedResident resident) {
    return Period.between(resident.birthDate(), REFERENCE_DATE).toTotalMonths();
  }
}
