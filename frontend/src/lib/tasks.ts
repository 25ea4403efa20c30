import type { FormSchema, FormValues } from '../components/CamundaForm';

export interface TaskSummary {
  id: string;
  name: string;
  taskKey: string;
  processKey: string;
  processName: string;
  caseId: string;
  caseLabel: string;
  /** The kana name of the resident the case concerns, masked (ヤ＊＊ タ＊＊) where the user may not see it. */
  residentName?: string | null;
  assignee: string | null;
  assigneeName: string | null;
  candidateGroups: string[];
  created: string;
  due: string | null;
  dueState?: DueState | null;
  /** The holder's absence today, with the stand-in, for the supervisor to act on. */
  assigneeAway?: Absence | null;
}

export type DueState = 'OVERDUE' | 'DUE_SOON';

export interface Absence {
  id: number;
  username: string;
  displayName: string;
  startsOn: string;
  endsOn: string;
  standIn: string | null;
  standInName: string | null;
}

export interface CaseContext {
  title: string;
  /** A row's link is a path inside the app where the step's work happens. */
  sections: { heading: string; rows: { label: string; value: string; link?: string | null }[] }[];
}

export interface TaskDetail {
  task: TaskSummary;
  form: FormSchema | null;
  data: FormValues;
  context: CaseContext;
  canComplete: boolean;
  refusal: string | null;
}
