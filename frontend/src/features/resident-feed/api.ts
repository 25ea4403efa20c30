import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUpload, query, type UploadProgress } from '../../lib/api';

/** 取込: a file of 異動 to apply; 照合: a full extract to compare with the register. */
export type FeedPurpose = 'IMPORT' | 'RECONCILE';
export type FeedStatus = 'CHECKING' | 'REVIEW' | 'APPLIED' | 'REFUSED' | 'COMPARING' | 'RESOLVING' | 'RECONCILED';
export type FeedEncoding = 'AUTO' | 'UTF_8' | 'SHIFT_JIS';
export type FeedLineFilter = 'REJECTED' | 'ACCEPTED' | 'ALL';

export interface OpenTask {
  id: string;
  name: string;
  assignee: string | null;
}

export interface FeedSummary {
  id: number;
  purpose: FeedPurpose;
  sourceSystem: string;
  fileName: string;
  encoding: string;
  status: FeedStatus;
  statusLabel: string;
  lineCount: number;
  checkedLines: number;
  acceptedLines: number;
  rejectedLines: number;
  appliedLines: number | null;
  repeatedLines: number | null;
  supersededLines: number | null;
  receivedBy: string;
  receivedAt: string;
  appliedAt: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  openTask: OpenTask | null;
}

/** A problem of a line: its E-code, the item (null: the whole line) and the message for staff. */
export interface FeedProblem {
  code: string;
  item: string | null;
  message: string;
}

export interface FeedLine {
  line: number;
  status: 'ACCEPTED' | 'REJECTED';
  items: Record<string, string>;
  problems: FeedProblem[];
}

export type DifferenceKind = 'MISSING' | 'EXTRA' | 'CHANGED';

export interface Difference {
  seq: number;
  kind: DifferenceKind;
  addresseeNumber: string;
  line: number | null;
  changedItems: string[];
  extract: Record<string, string> | null;
  /** APPLIED or EXPLAINED once staff acted; null while open. */
  resolution: string | null;
  note: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export const FEED_PAGE_SIZE = 20;
export const FEED_LINE_PAGE_SIZE = 50;

export const PURPOSE_LABELS: Record<FeedPurpose, string> = { IMPORT: '異動の取込', RECONCILE: '全件照合' };
export const ENCODING_LABELS: Record<FeedEncoding, string> = {
  AUTO: '自動判定',
  UTF_8: 'UTF-8',
  SHIFT_JIS: 'Shift_JIS',
};
export const KIND_LABELS: Record<DifferenceKind, string> = {
  MISSING: 'こちらにない住民',
  EXTRA: '抽出にない住民',
  CHANGED: '項目の違い',
};
/** The feed's item keys as the file's header names them. */
export const ITEM_LABELS: Record<string, string> = {
  eventSerial: '異動連番',
  event: '異動事由',
  movedOn: '異動日',
  notifiedOn: '届出日',
  addresseeNumber: '宛名番号',
  integratedAddresseeNumber: '統合宛名番号',
  residentCode: '住民票コード',
  myNumber: '個人番号',
  familyNameKanji: '氏',
  givenNameKanji: '名',
  familyNameKana: '氏カナ',
  givenNameKana: '名カナ',
  birthDate: '生年月日',
  sex: '性別',
  postalCode: '郵便番号',
  address: '住所',
  phone: '電話番号',
  householdNumber: '世帯番号',
  relationship: '続柄',
  householdHeadName: '世帯主氏名',
  status: '住民の状態',
};

export function uploadFeed(
  purpose: FeedPurpose,
  file: File,
  encoding: FeedEncoding,
  sourceSystem: string,
  onProgress: (progress: UploadProgress) => void,
): Promise<FeedSummary> {
  const form = new FormData();
  form.append('file', file);
  form.append('encoding', encoding);
  if (sourceSystem.trim() !== '') {
    form.append('sourceSystem', sourceSystem.trim());
  }
  return apiUpload<FeedSummary>(
    purpose === 'IMPORT' ? '/residents/feed/files' : '/residents/feed/reconciliations',
    form,
    onProgress,
  );
}

export function fetchFeeds(page: number): Promise<Paged<FeedSummary>> {
  return apiRequest<Paged<FeedSummary>>(`/residents/feed/files${query({ page, size: FEED_PAGE_SIZE })}`);
}

export function fetchFeed(id: string): Promise<FeedSummary> {
  return apiRequest<FeedSummary>(`/residents/feed/files/${encodeURIComponent(id)}`);
}

export function fetchFeedLines(id: string, status: FeedLineFilter, page: number): Promise<Paged<FeedLine>> {
  return apiRequest<Paged<FeedLine>>(
    `/residents/feed/files/${encodeURIComponent(id)}/lines${query({ status, page, size: FEED_LINE_PAGE_SIZE })}`,
  );
}

export function fetchDifferences(id: string): Promise<Difference[]> {
  return apiRequest<Difference[]>(`/residents/feed/reconciliations/${encodeURIComponent(id)}/differences`);
}

export function applyDifference(id: string, seq: number): Promise<void> {
  return apiRequest<void>(`/residents/feed/reconciliations/${encodeURIComponent(id)}/differences/${seq}/apply`, {
    method: 'POST',
  });
}

export function explainDifference(id: string, seq: number, note: string): Promise<void> {
  return apiRequest<void>(`/residents/feed/reconciliations/${encodeURIComponent(id)}/differences/${seq}/explain`, {
    method: 'POST',
    body: { note },
  });
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const residentFeedKeys = {
  all: ['resident-feed'] as const,
};

/** While a file is checked or compared its page asks again every second, to show the progress; then it stops. */
export const PROGRESS_POLL_MS = 1000;
const working = (status: FeedStatus | undefined) => status === 'CHECKING' || status === 'COMPARING';

export const feedQuery = (id: string) =>
  queryOptions({
    queryKey: [...residentFeedKeys.all, 'fetchFeed', id] as const,
    queryFn: () => fetchFeed(id),
    refetchInterval: (q) => (working(q.state.data?.status) ? PROGRESS_POLL_MS : false),
  });

export const feedsQuery = (page: number) =>
  queryOptions({
    queryKey: [...residentFeedKeys.all, 'fetchFeeds', page] as const,
    queryFn: () => fetchFeeds(page),
    refetchInterval: (q) => (q.state.data?.items.some((feed) => working(feed.status)) ? PROGRESS_POLL_MS : false),
  });

export const feedLinesQuery = (id: string, status: FeedLineFilter, page: number) =>
  queryOptions({
    queryKey: [...residentFeedKeys.all, 'fetchFeedLines', id, status, page] as const,
    queryFn: () => fetchFeedLines(id, status, page),
    placeholderData: keepPreviousData,
  });

export const differencesQuery = (id: string) =>
  queryOptions({
    queryKey: [...residentFeedKeys.all, 'fetchDifferences', id] as const,
    queryFn: () => fetchDifferences(id),
  });
