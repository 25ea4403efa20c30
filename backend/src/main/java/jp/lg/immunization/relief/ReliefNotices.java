package jp.lg.immunization.relief;

import jp.lg.immunization.audit.AuditOperation;
import jp.lg.immunization.audit.AuditTrail;
import jp.lg.immunization.platform.ApiException;
import jp.lg.immunization.platform.TextPdf;
import jp.lg.immunization.security.CurrentUser;
import jp.lg.immunization.security.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision notice (決定通知書) as a PDF in Japanese. The notice's text is kept on the claim when it is sent; the
 * PDF is printed from that record, so a reprint is always the notice that went out. Every print is audited.
 */
@Service
class ReliefNotices {

  private final ReliefClaims claims;
  private final TextPdf pdf;
  private final AuditTrail audit;
  private final CurrentUser currentUser;

  ReliefNotices(ReliefClaims claims, TextPdf pdf, AuditTrail audit, CurrentUser currentUser) {
    this.claims = claims;
    this.pdf = pdf;
    this.audit = audit;
    this.currentUser = currentUser;
  }

  @Transactional
  byte[] pdf(long claimId) {
    // R12: printing takes personal data out of the system.
    currentUser.require(Permission.PRINT, "relief.notice.pdf");
    ReliefClaim claim = claims.byId(claimId);
    if (claim.noticeText() == null) {
      throw ApiException.notFound("この請求の決定通知はまだありません");
    }
    String text = claim.noticeText();
    int titleEnd = text.indexOf('\n');
    byte[] bytes = pdf.render(titleEnd < 0 ? "決定通知書" : text.substring(0, titleEnd).strip(),
        titleEnd < 0 ? text : text.substring(titleEnd + 1).stripLeading());
    audit.record(AuditOperation.RELIEF_NOTICE_PRINT, claim.residentId(), "claim=" + claimId + " notice pdf");
    return bytes;
  }
}
