package jp.lg.immunization.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateHintsTest {

  private static final DateHints.Anchors ANCHORS = new DateHints.Anchors(LocalDate.of(2019, 4, 1),
      LocalDate.of(2025, 11, 20), LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1), LocalDate.of(2025, 11, 10),
      Season.DEFAULT);

  @ParameterizedTest(name = "from {0} = {1}")
  @CsvSource({
      "出生6週0日後, 2019-05-13",
      "生後2か月, 2019-05-31",
      "9歳, 2028-03-31",
      "前回接種から27日以上の間隔, 2025-07-29",
      "前回接種から6か月以上の間隔, 2026-01-01",
      "前回接種から2か月半以上の間隔, 2025-09-16",
      "1回目接種から139日以上の間隔, 2025-10-19",
      "他の生ワクチン接種から27日以上の間隔, 2025-12-08",
      "就学前年度, 2024-04-01",
      "小学6年度, 2030-04-01",
      "高校1年度, 2034-04-01",
      "シーズン開始, 2025-10-01",
      "次のシーズン開始, 2026-10-01",
      "生後12か月・前回接種から60日以上の間隔, 2025-08-31"})
  void startHintsCountFromTheirAnchor(String hint, LocalDate expected) {
    assertThat(DateHints.from(hint, ANCHORS)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "until {0} = {1}")
  @CsvSource({
      "生後24か月に至るまで, 2021-03-31",
      "1歳に至るまで, 2020-03-31",
      "出生14週6日後まで, 2019-07-14",
      "就学前年度末, 2025-03-31",
      "高校1年度末, 2035-03-31",
      "シーズン終了, 2026-03-31",
      "13歳に至るまで・就学前年度末, 2025-03-31"})
  void endHintsAreTheLastDayADoseMayBeGiven(String hint, LocalDate expected) {
    assertThat(DateHints.until(hint, ANCHORS)).isEqualTo(expected);
  }

  @Test
  void outOfSeasonTheSeasonHintsPointAtTheNextSeason() {
    var spring = new DateHints.Anchors(LocalDate.of(1950, 5, 1), LocalDate.of(2026, 4, 1), null, null, null,
        Season.DEFAULT);
    assertThat(DateHints.from("シーズン開始", spring)).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(DateHints.until("シーズン終了", spring)).isEqualTo(LocalDate.of(2027, 3, 31));
  }

  @Test
  void aCitySeasonWithinOneYearWorksToo() {
    Season season = Season.of("09-01", "12-31");
    assertThat(season.contains(LocalDate.of(2025, 8, 31))).isFalse();
    assertThat(season.contains(LocalDate.of(2025, 9, 1))).isTrue();
    assertThat(season.contains(LocalDate.of(2026, 1, 1))).isFalse();
    assertThat(season.endOfSeasonStartingOn(season.currentOrNextStart(LocalDate.of(2026, 1, 1))))
        .isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void blankHintsAreNoDateAndUnknownOnesAreTableErrors() {
    assertThat(DateHints.from(null, ANCHORS)).isNull();
    assertThat(DateHints.until("", ANCHORS)).isNull();
    assertThatThrownBy(() -> DateHints.from("生後2ヶ月", ANCHORS)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DateHints.until("生後2か月", ANCHORS)).isInstanceOf(IllegalStateException.class);
    var noDoses = new DateHints.Anchors(LocalDate.of(2019, 4, 1), LocalDate.of(2025, 1, 1), null, null, null,
        Season.DEFAULT);
    assertThatThrownBy(() -> DateHints.from("前回接種から27日以上の間隔", noDoses)).isInstanceOf(IllegalStateException.class);
  }
}
