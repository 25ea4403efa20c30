/**
 * 情報連携 through the 中間サーバー and the 情報提供ネットワークシステム: queries to other agencies (R14, R15, R19, R20),
 * provisions to them (R16, R17, R18), the 副本 others may query and its corrections (R21, R22, R23), 符号 (R24) and
 * the 情報提供等記録 (R25). The 中間サーバー is a port with a simulator.
 *
 * <p>One sub-package per process family: {@code query} (情報照会), {@code provision} (情報提供 and 不開示設定),
 * {@code fukuhon} (副本 registration, correction and reconciliation) and {@code network} (the 中間サーバー port, its
 * simulator and 符号). This package holds what they share: the items and legal bases, the permit lists and the
 * 情報提供等記録. No other module uses this one.
 */
@ApplicationModule(displayName = "Information network",
    allowedDependencies = {"platform", "audit", "security", "workflow", "resident", "vaccination"})
package jp.lg.immunization.infonetwork;

import org.springframework.modulith.ApplicationModule;
