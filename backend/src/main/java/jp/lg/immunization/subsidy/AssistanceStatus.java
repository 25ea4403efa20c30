package jp.lg.immunization.subsidy;

import java.util.List;

/** Whether the resident receives public assistance (生活保護), as the welfare department's records show it. */
enum AssistanceStatus {
  RECIPIENT("生活保護受給中"),
  NOT_RECIPIENT("受給なし"),
  UNKNOWN("不明");

  private final String label;

  AssistanceStatus(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** Whether the resident receives it: one answer when known, both when not. */
  List<Boolean> possiblyRecipient() {
    return switch (this) {
      case RECIPIENT -> List.of(true);
      case NOT_RECIPIENT -> List.of(false);
      case UNKNOWN -> List.of(true, false);
    };
  }
}
