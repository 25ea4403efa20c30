package jp.lg.immunization.workflow;

import java.time.Instant;
import java.util.List;

record TaskSummary(String id, String name, String taskKey, String processKey, String processName,
                   String processInstanceId, String processDefinitionId, String caseId, String caseLabel,
                   String assignee, String assigneeName, List<String> candidateGroups, List<String> candidateUsers,
                   String status, Instant created, Instant due) {}
