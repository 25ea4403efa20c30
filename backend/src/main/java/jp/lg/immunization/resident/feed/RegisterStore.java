package jp.lg.immunization.resident.feed;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.lg.immunization.resident.MyNumber;
import jp.lg.immunization.resident.ItemGroup;
import jp.lg.immunization.resident.ResidentRegisterChanged.Change;

/**
 * The register as the feed sees it, implemented by the resident module beside its entity: what the checks need to
 * know, 個人番号 sealed and unsealed, and one 異動 applied with its provenance (R01).
 */
public interface RegisterStore {

  /** A resident the register already holds. */
  record Known(long residentId, String addresseeNumber, String status) {}

  /**
   * Where a change comes from (R01): the source ({@code RESIDENT_REGISTER_FEED}, {@code STAFF_ENTRY}, ...), the
   * system or user that sent it, and for the feed its file, line and 異動連番.
   */
  record Provenance(String source, String sourceSystem, Long feedFileId, Integer feedLine, String eventSerial,
                    String recordedBy, String reason) {}

  /**
   * One 異動: the groups of items it sets, the status it leaves (null: unchanged), the items by FeedItem key (already
   * normalised: ISO dates, MALE/FEMALE, katakana), and a 個人番号 when it brings one.
   */
  record RegisterChange(String addresseeNumber, Change change, boolean creates, Set<ItemGroup> groups, String status,
                        LocalDate movedOn, LocalDate notifiedOn, Map<String, String> items, MyNumber myNumber,
                        Provenance provenance) {}

  /** @param applied false when a later 異動 had already set every group this one would: recorded, not applied */
  record Outcome(long residentId, boolean applied) {}

  Map<String, Known> byAddresseeNumbers(Collection<String> addresseeNumbers);

  /** The 宛名番号 that each of these 個人番号 is registered under; numbers nobody has are absent. */
  Map<MyNumber, String> holdersOfMyNumbers(Collection<MyNumber> numbers);

  /** The 宛名番号 that each of these 統合宛名番号 is linked to; numbers nobody has are absent. */
  Map<String, String> holdersOfIntegratedNumbers(Collection<String> integratedNumbers);

  /**
   * What the register holds of these residents, by 宛名番号: their items by FeedItem key (as the feed writes them) and
   * {@code status}. Residents the register does not hold are absent.
   */
  Map<String, Map<String, String>> items(Collection<String> addresseeNumbers);

  /**
   * The 宛名番号 of every resident registered here (not 住登外, moved out or dead) whom this source system's register
   * holds, i.e. who came from its feed.
   */
  Set<String> registered(String sourceSystem);

  byte[] seal(MyNumber number);

  MyNumber unseal(byte[] sealed);

  /** Those of these 異動連番 that the source system delivered before (in this file or another). */
  Set<String> alreadyApplied(String sourceSystem, Collection<String> eventSerials);

  /** Applies one 異動 in the caller's transaction and publishes ResidentRegisterChanged when it took effect. */
  Outcome apply(RegisterChange change);

  /**
   * Applies 異動 to distinct residents the register holds, set-based (rows locked and read in one query, written in
   * batches): in the caller's transaction, with the same rows, audit events and ResidentRegisterChanged, in the order
   * of the changes, as {@link #apply} one by one. The caller keeps to it changes whose effect does not depend on
   * their order: one per resident, none setting an item another resident may hold (unique numbers).
   *
   * @return the outcomes in the order of the changes; empty when the register holds none of these residents
   */
  List<Outcome> applyAll(List<RegisterChange> changes);

  /**
   * Applies 異動 that each bring a whole resident the register does not hold yet, and whom no other change of the
   * batch concerns, set-based (a first load brings 200,000): in the caller's transaction, with the same rows, audit
   * events and ResidentRegisterChanged as {@link #apply} one by one.
   */
  void createAll(List<RegisterChange> creations);
}
