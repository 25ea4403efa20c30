import type { TaskSummary } from '../lib/tasks';

/** A task as the server lists it; tests override what they are about. */
export function taskSummary(overrides: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id: 't-1',
    name: '照合結果の提案',
    taskKey: 'ProposeMatch',
    processKey: 'NonResidentConfirmation',
    processName: '住登外者確認',
    caseId: '12',
    caseLabel: '住登外者確認 #12',
    assignee: null,
    assigneeName: null,
    candidateGroups: ['staff'],
    created: '2026-11-26T01:30:00Z',
    due: null,
    ...overrides,
  };
}
