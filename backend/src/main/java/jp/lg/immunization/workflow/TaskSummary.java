package jp.lg.immunization.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A step as lists show it. {@code residentName}: the kana name of the resident the case concerns, masked for users who
 * may not see it; {@code dueState}: OVERDUE, DUE_SOON (by the end of the next business day) or null.
 */
record TaskSummary(String id, String name, String taskKey, String processKey, String processName,
                   String processInstanceId, String processDefinitionId, String caseId, String caseLabel,
                   String residentName, String assignee, String assigneeName, List<String> candidateGroups,
                   List<String> candidateUsers, String status, Instant created, Instant due, String dueState) {

  TaskSummary withResidentName(String name) {
    return new TaskSummary(id, this.name, taskKey, processKey, processName, processInstanceId, processDefinitionId,
        caseId, caseLabel, name, assignee, assigneeName, candidateGroups, candidateUsers, status, created, due,
        dueState);
  }
}
