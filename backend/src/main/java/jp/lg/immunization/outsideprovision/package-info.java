/**
 * Provision outside the information network (情報提供ネットワークシステム以外の提供, R13; assessment Ⅲ-5): when the office
 * gives a resident's information to another body on paper, on an electronic medium or by e-mail (typically another
 * municipality after a move), one staff member records what, to whom, why and how, a second one who neither recorded
 * nor corrected it confirms the content and the recipient, and only then is it sent; the sending is recorded too.
 * Confirmed content and recipient cannot change, and a sent record cannot change at all (the database refuses).
 */
@ApplicationModule(displayName = "Provision outside the network (ネットワーク以外による提供)",
    allowedDependencies = {"platform", "audit", "security", "workflow", "resident"})
package jp.lg.immunization.outsideprovision;

import org.springframework.modulith.ApplicationModule;
