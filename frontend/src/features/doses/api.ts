import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUpload, query, type UploadProgress } from '../../lib/api';
import type { DoseRecord } from '../../lib/residents';
import type { DoseItems } from './items';

export interface VaccineChoice {
  /** What the API expects as 接種種別, e.g. "MR". */
  code: string;
  name: string;
  /** 接種区分 the vaccine allows, in schedule order. */
  categories: string[];
}

export interface InstitutionChoice {
  id: string;
  name: string;
  active: boolean;
}

export interface DoctorChoice {
  id: string;
  institutionId: string;
  name: string;
  active: boolean;
}

export interface PlaceChoice {
  id: string;
  name: string;
  active: boolean;
}

/** The city's lists the entry form chooses from. */
export interface DoseReference {
  vaccines: VaccineChoice[];
  institutions: InstitutionChoice[];
  doctors: DoctorChoice[];
  places: PlaceChoice[];
}

/** One 職権修正: the changed items only, each before and after (null: empty). */
export interface DoseCorrection {
  id: number;
  before: Record<string, string | null>;
  after: Record<string, string | null>;
  reason: string;
  correctedBy: string;
  correctedAt: string;
}

export interface DoseDetail {
  dose: DoseRecord;
  /** The record's items as text; the 宛名番号 is not among them (the record stays its resident's). */
  items: DoseItems;
  version: number;
  /** Oldest first. */
  corrections: DoseCorrection[];
}

export type BatchStatus = 'VALIDATING' | 'REVIEW' | 'AWAITING_APPROVAL' | 'REGISTERED' | 'DISCARDED' | 'FAILED';
export type BatchEncoding = 'AUTO' | 'UTF_8' | 'SHIFT_JIS';

export interface BatchSummary {
  id: number;
  fileName: string;
  encoding: BatchEncoding | string;
  status: BatchStatus;
  statusLabel: string;
  rowCount: number;
  validatedRows: number;
  acceptedRows: number;
  rejectedRows: number;
  excludedRows: number;
  uploadedBy: string;
  uploadedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  registeredAt: string | null;
  openTask: { id: string; name: string; assignee: string | null } | null;
}

export type BatchRowStatus = 'ACCEPTED' | 'REJECTED' | 'EXCLUDED';
export type BatchRowFilter = BatchRowStatus | 'ALL';

/** One thing wrong with a record: its エラーコード, the item (null: the record as a whole) and the text. */
export interface DoseProblem {
  code: string;
  item: string | null;
  message: string;
  /** A warning (e.g. E032, the interval) may be accepted once a person confirms it. */
  warning: boolean;
}

export interface BatchRow {
  /** The line of the CSV file, counting the header as line 1. */
  line: number;
  status: BatchRowStatus;
  items: DoseItems;
  problems: DoseProblem[];
  residentName: string | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export const BATCH_PAGE_SIZE = 20;
export const BATCH_ROW_PAGE_SIZE = 50;

export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  VALIDATING: '検証中',
  REVIEW: 'エラー確認中',
  AWAITING_APPROVAL: '承認待ち',
  REGISTERED: '登録済み',
  DISCARDED: '取消',
  FAILED: 'エラー',
};

export const ENCODING_LABELS: Record<BatchEncoding, string> = {
  AUTO: '自動判定',
  UTF_8: 'UTF-8',
  SHIFT_JIS: 'Shift_JIS',
};

export const ROW_STATUS_LABELS: Record<BatchRowStatus, string> = {
  ACCEPTED: '受付',
  REJECTED: 'エラー',
  EXCLUDED: '除外',
};

export function fetchDoseReference(): Promise<DoseReference> {
  return apiRequest<DoseReference>('/doses/reference');
}

export function registerDose(items: Record<string, string>, confirmWarnings: boolean): Promise<{ id: number }> {
  return apiRequest<{ id: number }>('/doses', { method: 'POST', body: { items, confirmWarnings } });
}

export function fetchDose(id: string): Promise<DoseDetail> {
  return apiRequest<DoseDetail>(`/doses/${encodeURIComponent(id)}`);
}

export interface DoseCorrectionRequest {
  version: number;
  /** Every item as the form shows it: one left out is cleared. */
  items: Record<string, string>;
  reason: string;
  confirmWarnings: boolean;
}

export function correctDose(id: string, request: DoseCorrectionRequest): Promise<void> {
  return apiRequest<void>(`/doses/${encodeURIComponent(id)}`, { method: 'PUT', body: request });
}

export function uploadBatch(
  file: File,
  encoding: BatchEncoding,
  onProgress: (progress: UploadProgress) => void,
): Promise<BatchSummary> {
  const form = new FormData();
  form.append('file', file);
  form.append('encoding', encoding);
  return apiUpload<BatchSummary>('/dose-batches', form, onProgress);
}

export function fetchBatches(page: number): Promise<Paged<BatchSummary>> {
  return apiRequest<Paged<BatchSummary>>(`/dose-batches${query({ page, size: BATCH_PAGE_SIZE })}`);
}

export function fetchBatch(id: string): Promise<BatchSummary> {
  return apiRequest<BatchSummary>(`/dose-batches/${encodeURIComponent(id)}`);
}

export function fetchBatchRows(id: string, status: BatchRowFilter, page: number): Promise<Paged<BatchRow>> {
  return apiRequest<Paged<BatchRow>>(
    `/dose-batches/${encodeURIComponent(id)}/rows${query({ status, page, size: BATCH_ROW_PAGE_SIZE })}`,
  );
}

export function correctBatchRow(
  id: string,
  line: number,
  items: Record<string, string>,
  confirmWarnings: boolean,
): Promise<BatchRow> {
  return apiRequest<BatchRow>(`/dose-batches/${encodeURIComponent(id)}/rows/${line}`, {
    method: 'PUT',
    body: { items, confirmWarnings },
  });
}

export function excludeBatchRow(id: string, line: number): Promise<BatchRow> {
  return apiRequest<BatchRow>(`/dose-batches/${encodeURIComponent(id)}/rows/${line}/exclude`, { method: 'POST' });
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const dosesKeys = {
  all: ['doses'] as const,
};

/** While a file is being validated its page asks again every second, to show the progress; then it stops. */
export const VALIDATION_POLL_MS = 1000;

export const batchQuery = (id: string) =>
  queryOptions({
    queryKey: [...dosesKeys.all, 'fetchBatch', id] as const,
    queryFn: () => fetchBatch(id),
    refetchInterval: (query) => (query.state.data?.status === 'VALIDATING' ? VALIDATION_POLL_MS : false),
  });

export const doseReferenceQuery = () =>
  queryOptions({ queryKey: [...dosesKeys.all, 'fetchDoseReference'] as const, queryFn: () => fetchDoseReference() });

export const batchRowsQuery = (id: string, status: BatchRowFilter, page: number) =>
  queryOptions({
    queryKey: [...dosesKeys.all, 'fetchBatchRows', id, status, page] as const,
    queryFn: () => fetchBatchRows(id, status, page),
    // The rows of the page before stay while the next is fetched, so that the table does not jump.
    placeholderData: keepPreviousData,
  });

export const batchesQuery = (page: number) =>
  queryOptions({
    queryKey: [...dosesKeys.all, 'fetchBatches', page] as const,
    queryFn: () => fetchBatches(page),
    // Files still being checked show their progress in the list.
    refetchInterval: (query) =>
      query.state.data?.items.some((batch) => batch.status === 'VALIDATING') ? VALIDATION_POLL_MS : false,
  });

export const doseQuery = (id: string) =>
  queryOptions({ queryKey: [...dosesKeys.all, 'fetchDose', id] as const, queryFn: () => fetchDose(id) });
