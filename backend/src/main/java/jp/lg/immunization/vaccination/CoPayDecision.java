package jp.lg.immunization.vaccination;

/**
 * 自己負担金 for one routine dose.
 *
 * @param amountYen what the resident pays at the clinic, in yen
 * @param exempt whether the resident pays nothing, so the ticket can be stamped 免除 / 自己負担なし
 * @param reason the table's explanation in Japanese, for the screen and the ticket
 */
public record CoPayDecision(int amountYen, boolean exempt, String reason) {}
