package jp.lg.immunization.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Residents as the audit trail names them: by id in each event, by 宛名番号 to auditors. Implemented by the module
 * that keeps the register, which itself writes to the audit trail (so the audit module cannot call it directly).
 * Auditors' other screens that list residents by id (legal holds) name them through it too, in one batch.
 */
public interface AuditedResidents {

  /** The id of the resident with this 宛名番号; an unknown number is a field error ({@code addresseeNumber}). */
  long requireId(String addresseeNumber);

  /** 宛名番号 by resident id; ids without a resident are absent. */
  Map<Long, String> addresseeNumbers(Collection<Long> residentIds);
}
