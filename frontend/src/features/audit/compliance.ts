import { queryOptions } from '@tanstack/react-query';
import { apiDownload, apiRequest, type Download } from '../../lib/api';
import type { CsvEncoding } from '../../lib/csv';

export type Verdict = 'PROVEN' | 'FAILING' | 'NO_TEST' | 'NOT_RUN';

export interface ComplianceTest {
  className: string;
  name: string;
  outcome: 'PASSED' | 'FAILED' | 'SKIPPED';
}

export interface ComplianceControl {
  id: string;
  area: string;
  text: string;
  implementedBy: string[];
  processes: string[];
  tests: ComplianceTest[];
  passed: number;
  failed: number;
  verdict: Verdict;
  verdictLabel: string;
  proven: boolean;
}

/** The build the report speaks for: `summaryPackaged` false in a run that no build packaged. */
export interface ComplianceBuild {
  version: string | null;
  builtAt: string | null;
  summaryPackaged: boolean;
  testsRun: boolean;
  total: number;
  failed: number;
  skipped: number;
}

export interface ComplianceReport {
  build: ComplianceBuild;
  controls: ComplianceControl[];
  proven: number;
  unproven: string[];
}

export const COMPLIANCE_PDF_URL = '/api/audit/compliance/pdf';

export function fetchComplianceReport(): Promise<ComplianceReport> {
  return apiRequest<ComplianceReport>('/audit/compliance');
}

export function exportComplianceReport(encoding: CsvEncoding): Promise<Download> {
  return apiDownload(`/audit/compliance/csv?encoding=${encoding}`, {}, '自己点検.csv');
}

export const complianceReportQuery = () =>
  queryOptions({
    queryKey: ['audit', 'compliance'] as const,
    queryFn: () => fetchComplianceReport(),
  });
