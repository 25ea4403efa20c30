package jp.lg.immunization.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A step as lists show it. {@code residentName}: the kana name of the resident the case concerns, masked for users who
 * may not see it; {@code dueState}: OVERDUE, DUE_SOON (by the end of the next business day) or null;
 * {@code assigneeAway}: the holder's absence today, with their stand-in, for the supervisor to act on.
 */
record TaskSummary(String id, String name, String taskKey, String processKey, String processName,
                   String processInstanceId, String processDefinitionId, String caseId, String caseLabel,
                   String residentName, String assignee, String assigneeName, List<String> candidateGroups,
                   List<String> candidateUsers, String status, Instant created, Instant due, String dueState,
                   Absences.Absence assigneeAway) {

  TaskSummary named(String resident, Absences.Absence away) {
    return new TaskSummary(id, name, taskKey, processKey, processName, processInstanceId, processDefinitionId,
        caseId, caseLabel, resident, assignee, assigneeName, candidateGroups, candidateUsers, status, created, due,
        dueState, away);
  }
}
