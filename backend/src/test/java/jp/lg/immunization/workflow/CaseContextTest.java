package jp.lg.immunization.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseContextTest {

  @Test
  void theLatestEntriesOfATimelineComeNewestFirstAndNoMoreThanAsked() {
    CaseContext.Section section = CaseContext.Section.latestOfTimeline(List.of("記録", "差戻し", "訂正", "承認"), 3,
        entry -> new CaseContext.Row("経過", entry));

    assertThat(section.heading()).isEqualTo("経過（新しい順に3件）");
    assertThat(section.rows()).extracting(CaseContext.Row::value).containsExactly("承認", "訂正", "差戻し");
    assertThat(CaseContext.Section.latestOfTimeline(List.of("記録"), 5, entry -> new CaseContext.Row("経過", entry))
        .rows()).extracting(CaseContext.Row::value).containsExactly("記録");
  }
}
