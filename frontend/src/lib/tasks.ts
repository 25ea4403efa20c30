import type { FormSchema, FormValues } from '../components/CamundaForm';

export interface TaskSummary {
  id: string;
  name: string;
  taskKey: string;
  processKey: string;
  processName: string;
  caseId: string;
  caseLabel: string;
  assignee: string | null;
  assigneeName: string | null;
  candidateGroups: string[];
  created: string;
  due: string | null;
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
