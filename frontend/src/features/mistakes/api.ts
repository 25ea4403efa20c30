import { queryOptions } from '@tanstack/react-query';
import { apiDownload, apiRequest, query, type Download } from '../../lib/api';
import type { CsvEncoding } from '../../lib/csv';

/** A dose registered with E032 or E034 (or reported without a flag) and what was done about it. */
export interface FlaggedDose {
  doseRecordId: number;
  doseDate: string;
  vaccine: string;
  category: string;
  errorCode: string | null;
  ruleBroken: string | null;
  resident: { id: number; addresseeNumber: string; name: string; nameKana: string } | null;
  /** OPEN (nothing done yet), DISMISSED, or the status of its report. */
  state: string;
  stateLabel: string;
  reportId: number | null;
  dismissalReason: string | null;
  dismissedBy: string | null;
}

export interface FlaggedDoses {
  fiscalYear: number;
  fiscalYearLabel: string;
  rows: FlaggedDose[];
}

export interface MistakeReport {
  id: number;
  status: string;
  statusLabel: string;
  doseRecordId: number;
  doseDate: string;
  vaccine: string;
  category: string;
  resident: { id: number; addresseeNumber: string; name: string; nameKana: string } | null;
  kindLabel: string;
  ruleBroken: string | null;
  whatHappened: string;
  cause: string;
  prevention: string;
  healthDamage: string;
  healthDamageLabel: string;
  startedBy: string;
  startedAt: string;
  residentInformedOn: string | null;
  residentInformedHow: string | null;
  clinicInformedOn: string | null;
  clinicContact: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  reportedAt: string | null;
  prefectureReceipt: string | null;
  timeline: { occurredAt: string; kind: string; description: string; actor: string }[];
}

export const mistakeKeys = {
  all: ['mistakes'] as const,
  flagged: (fiscalYear: number | null) => [...mistakeKeys.all, 'flagged', fiscalYear] as const,
  report: (id: string) => [...mistakeKeys.all, 'report', id] as const,
};

export function flaggedDosesQuery(fiscalYear: number | null) {
  return queryOptions({
    queryKey: mistakeKeys.flagged(fiscalYear),
    queryFn: () => apiRequest<FlaggedDoses>(`/doses/mistakes${query({ fiscalYear })}`),
  });
}

export function mistakeReportQuery(id: string) {
  return queryOptions({
    queryKey: mistakeKeys.report(id),
    queryFn: () => apiRequest<MistakeReport>(`/doses/mistakes/reports/${id}`),
  });
}

export function dismissFlag(doseRecordId: number, reason: string): Promise<void> {
  return apiRequest<void>(`/doses/mistakes/${doseRecordId}/dismissal`, { method: 'POST', body: { reason } });
}

export function exportAnnualReport(fiscalYear: number, encoding: CsvEncoding): Promise<Download> {
  return apiDownload(
    '/doses/mistakes/annual-report',
    { method: 'POST', body: { fiscalYear, encoding } },
    'wrong-vaccinations.csv',
  );
}
