package jp.lg.immunization.resident.feed;

import static jp.lg.immunization.resident.feed.FeedItem.ADDRESS;
import static jp.lg.immunization.resident.feed.FeedItem.BIRTH_DATE;
import static jp.lg.immunization.resident.feed.FeedItem.FAMILY_NAME_KANA;
import static jp.lg.immunization.resident.feed.FeedItem.FAMILY_NAME_KANJI;
import static jp.lg.immunization.resident.feed.FeedItem.GIVEN_NAME_KANA;
import static jp.lg.immunization.resident.feed.FeedItem.GIVEN_NAME_KANJI;
import static jp.lg.immunization.resident.feed.FeedItem.HOUSEHOLD_NUMBER;
import static jp.lg.immunization.resident.feed.FeedItem.MY_NUMBER;
import static jp.lg.immunization.resident.feed.FeedItem.NOTIFIED_ON;
import static jp.lg.immunization.resident.feed.FeedItem.RELATIONSHIP;
import static jp.lg.immunization.resident.feed.FeedItem.RESIDENT_CODE;
import static jp.lg.immunization.resident.feed.FeedItem.SEX;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import jp.lg.immunization.resident.ItemGroup;
import jp.lg.immunization.resident.ResidentRegisterChanged.Change;

/**
 * The 異動事由 a feed line may carry: which items it must bring and which groups of register items it sets. A group
 * is set only by a 異動 at least as recent as the one that set it last, so files may arrive in any order.
 */
enum FeedEvent {
  /** A line of a full extract (全件): the resident as the register holds them on the 異動日. */
  FULL("全件", Change.REGISTERED_FROM_EXTRACT, true, false, Groups.ALL, identity()),
  MOVE_IN("転入", Change.MOVED_IN, true, true, Groups.ALL, identity()),
  BIRTH("出生", Change.BORN, true, true, Groups.ALL, identity()),
  REGISTERED_EX_OFFICIO("職権記載", Change.REGISTERED_EX_OFFICIO, true, false, Groups.ALL, identity()),
  MOVE_OUT("転出", Change.MOVED_OUT, false, true, EnumSet.of(ItemGroup.STATUS), EnumSet.noneOf(FeedItem.class)),
  DEATH("死亡", Change.DIED, false, true, EnumSet.of(ItemGroup.STATUS), EnumSet.noneOf(FeedItem.class)),
  REMOVED_EX_OFFICIO("職権消除", Change.REMOVED_EX_OFFICIO, false, false, EnumSet.of(ItemGroup.STATUS),
      EnumSet.noneOf(FeedItem.class)),
  ADDRESS_CHANGE("転居", Change.ADDRESS_CHANGED, false, true, EnumSet.of(ItemGroup.ADDRESS), EnumSet.of(ADDRESS)),
  NAME_CHANGE("氏名変更", Change.NAME_CHANGED, false, true, EnumSet.of(ItemGroup.NAME),
      EnumSet.of(FAMILY_NAME_KANJI, GIVEN_NAME_KANJI, FAMILY_NAME_KANA, GIVEN_NAME_KANA)),
  HOUSEHOLD_CHANGE("世帯変更", Change.HOUSEHOLD_CHANGED, false, true, EnumSet.of(ItemGroup.HOUSEHOLD),
      EnumSet.of(HOUSEHOLD_NUMBER, RELATIONSHIP)),
  RESIDENT_CODE_CHANGE("住民票コード変更", Change.RESIDENT_CODE_CHANGED, false, false, EnumSet.of(ItemGroup.RESIDENT_CODE),
      EnumSet.of(RESIDENT_CODE)),
  MY_NUMBER_CHANGE("個人番号変更", Change.MY_NUMBER_CHANGED, false, true, EnumSet.of(ItemGroup.MY_NUMBER),
      EnumSet.of(MY_NUMBER));

  private static final class Groups {
    static final Set<ItemGroup> ALL = EnumSet.allOf(ItemGroup.class);
  }

  private final String label;
  private final Change change;
  private final boolean creates;
  private final boolean notified;
  private final Set<ItemGroup> groups;
  private final Set<FeedItem> required;

  FeedEvent(String label, Change change, boolean creates, boolean notified, Set<ItemGroup> groups,
            Set<FeedItem> required) {
    this.label = label;
    this.change = change;
    this.creates = creates;
    this.notified = notified;
    this.groups = groups;
    this.required = required;
  }

  private static Set<FeedItem> identity() {
    return EnumSet.of(FAMILY_NAME_KANJI, GIVEN_NAME_KANJI, FAMILY_NAME_KANA, GIVEN_NAME_KANA, BIRTH_DATE, SEX, ADDRESS);
  }

  String label() {
    return label;
  }

  Change change() {
    return change;
  }

  /** Whether the line brings a whole resident, who may be new to the register. */
  boolean creates() {
    return creates;
  }

  /** Whether a 届出日 is required: 職権 changes, code changes and extract lines have none. */
  Set<FeedItem> required() {
    if (!notified) {
      return required;
    }
    Set<FeedItem> all = EnumSet.of(NOTIFIED_ON);
    all.addAll(required);
    return all;
  }

  /** The status the resident has after this 異動, or null when it leaves the status as it is. */
  String status() {
    return switch (this) {
      case FULL, MOVE_IN, BIRTH, REGISTERED_EX_OFFICIO -> "REGISTERED";
      case MOVE_OUT, REMOVED_EX_OFFICIO -> "MOVED_OUT";
      case DEATH -> "DECEASED";
      default -> null;
    };
  }

  Set<ItemGroup> groups() {
    return groups;
  }

  static Optional<FeedEvent> byLabel(String label) {
    String trimmed = label == null ? "" : label.strip();
    return Arrays.stream(values()).filter(event -> event.label.equals(trimmed)).findFirst();
  }
}
