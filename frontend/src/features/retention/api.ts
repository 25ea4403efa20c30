import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';

/** Auditors reach these answers under /audit, administrators under /admin: the same data for both roles. */
export type RetentionArea = 'audit' | 'admin';

/** Japanese names of the kinds of data that retention rules delete (RetentionRule.kind()). */
export const RETENTION_KIND_LABELS: Record<string, string> = {
  PROVISION_RECORD: '情報提供等記録（7年経過）',
  DOSE_BATCH_LINES: '一括登録ファイルの取込行（締め後の保存期間経過）',
  DOSE_RECORD: '接種記録（転出・死亡から保存期間経過）',
  ENGINE_HISTORY: '終了した案件のワークフロー履歴（終了から保存期間経過）',
  DECISION_HISTORY: '許可リスト等の判定履歴（判定から保存期間経過）',
  NON_RESIDENT_CASE: '該当者なし・取下げで終わった住登外者確認（保存期間経過）',
  B_CLASS_QUALIFICATION: 'B類の対象となる障害の確認記録（保存期間経過）',
  COPAY_EXEMPTION: '自己負担免除の申請（保存期間経過）',
  ILLNESS_EXCEPTION: '長期療養特例の申請（保存期間経過）',
  INQUIRY: '問合せの記録（保存期間経過）',
  OUTSIDE_PROVISION: '目的外提供の記録（保存期間経過）',
  QUERY_PROPOSAL: '転入者の情報照会の提案（判断から保存期間経過）',
  QUESTIONNAIRE_ISSUANCE: '予診票の発行記録（保存期間経過）',
  RESIDENT_ENTRY: '差し戻された住民の職権記載（申請から保存期間経過）',
  RESIDENT_REQUEST: '開示・訂正・利用停止請求（保存期間経過）',
  VRS_CERTIFICATE: '接種証明書の交付記録（保存期間経過）',
  VRS_MOVER_QUERY: 'VRSへの転入者照会（保存期間経過）',
  WRONG_VACCINATION_REPORT: '予防接種の間違いの報告（保存期間経過）',
};

export interface RetentionDeletion {
  kind: string;
  deleted: number;
  ids: number[];
  ranAt: string;
}

export interface RetentionRun {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  /** The day the run judged periods against (YYYY-MM-DD). */
  asOf: string;
  deleted: number;
  /** Kinds whose rule failed and deleted nothing in this run. */
  failed: string[];
  deletions: RetentionDeletion[];
}

export interface RetentionOverview {
  kinds: string[];
  runs: RetentionRun[];
}

export interface LegalHold {
  id: number;
  addresseeNumber: string;
  reason: string;
  setBy: string;
  setAt: string;
  liftedBy: string | null;
  liftedAt: string | null;
  liftReason: string | null;
}

export function retentionRuns(area: RetentionArea): Promise<RetentionOverview> {
  return apiRequest<RetentionOverview>(`/${area}/retention/runs`);
}

export function legalHolds(area: RetentionArea): Promise<LegalHold[]> {
  return apiRequest<LegalHold[]>(`/${area}/retention/legal-holds`);
}

/** The 宛名番号 travels in the body, never in the URL. */
export function placeLegalHold(area: RetentionArea, addresseeNumber: string, reason: string): Promise<{ id: number }> {
  return apiRequest<{ id: number }>(`/${area}/retention/legal-holds`, {
    method: 'POST',
    body: { addresseeNumber, reason },
  });
}

export function liftLegalHold(area: RetentionArea, id: number, reason: string): Promise<void> {
  return apiRequest<void>(`/${area}/retention/legal-holds/${id}/lift`, { method: 'POST', body: { reason } });
}

/** "DOSE_RECORD 3件, PROVISION_RECORD 1件" in Japanese, or なし for a run that deleted nothing. */
export function describeDeletions(run: RetentionRun): string {
  if (run.deletions.length === 0) {
    return 'なし';
  }
  const byKind = new Map<string, number>();
  for (const deletion of run.deletions) {
    byKind.set(deletion.kind, (byKind.get(deletion.kind) ?? 0) + deletion.deleted);
  }
  return [...byKind.entries()]
    .map(([kind, count]) => `${RETENTION_KIND_LABELS[kind] ?? kind} ${count.toLocaleString('ja-JP')}件`)
    .join('、');
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const retentionKeys = {
  all: ['retention'] as const,
};

export const legalHoldsQuery = (area: RetentionArea) =>
  queryOptions({ queryKey: [...retentionKeys.all, 'legalHolds', area] as const, queryFn: () => legalHolds(area) });

export const retentionRunsQuery = (area: RetentionArea) =>
  queryOptions({
    queryKey: [...retentionKeys.all, 'retentionRuns', area] as const,
    queryFn: () => retentionRuns(area),
  });
