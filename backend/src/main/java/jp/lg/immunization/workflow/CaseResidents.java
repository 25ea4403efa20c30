package jp.lg.immunization.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Residents as the task list names and finds them: by id in task_view, by kana name on screen. Implemented by the
 * module that keeps the register (which itself uses this module, so the task list cannot call it directly). The task
 * list audits what it shows; this port only answers.
 */
public interface CaseResidents {

  /**
   * The ids of residents whose 宛名番号 is the text, or whose kana or kanji name contains it, names that start with it
   * first; at most {@code limit} of them.
   */
  List<Long> find(String text, int limit);

  /** Kana names (family and given name, one space between) by resident id; ids without a resident are absent. */
  Map<Long, String> kanaNames(Collection<Long> residentIds);
}
