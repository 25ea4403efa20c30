import { queryOptions } from '@tanstack/react-query';
import { apiDownload, apiRequest, type Download } from '../../lib/api';
import type { CsvEncoding } from '../../lib/csv';

/** Japanese names of the operations the server records (AuditOperation). */
export const OPERATION_LABELS: Record<string, string> = {
  LOGIN: 'ログイン',
  LOGIN_FAILED: 'ログイン失敗',
  LOGOUT: 'ログアウト',
  RESIDENT_VIEW: '住民情報の閲覧',
  RESIDENT_SEARCH_HIT: '住民検索（該当）',
  RESIDENT_REGISTER: '住民情報の登録',
  MY_NUMBER_REVEAL: '個人番号の表示',
  NON_RESIDENT_CASE_VIEW: '住登外者確認案件の閲覧',
  TASK_CLAIM: 'タスクの担当',
  TASK_UNCLAIM: 'タスクの担当解除',
  TASK_COMPLETE: 'タスクの完了',
  TASK_REFUSED: 'タスク操作の拒否',
  PROCESS_START: '業務の開始',
  AUDIT_VERIFY: '監査ログの改ざん検査',
  AUDIT_SEARCH: '監査ログの検索',
  INCIDENT_RETRY: '障害の再実行',
  CASE_VIEW: '案件の閲覧',
  NON_DISCLOSURE_SET: '不開示設定',
  NON_DISCLOSURE_LIFTED: '不開示設定の解除',
  FUKUHON_RECONCILIATION: '副本の照合',
  DOSE_REGISTER: '接種記録の登録',
  DOSE_CORRECT: '接種記録の職権修正',
  DOSE_BATCH_UPLOAD: '一括登録ファイルの取込',
  DOSE_BATCH_VIEW: '一括登録の行の閲覧',
  DOSE_BATCH_ROW_CORRECT: '一括登録の行の修正・除外',
  DOSE_BATCH_REGISTER: '一括登録の実行',
  COPAY_EXEMPTION_REGISTERED: '免除申請の受付',
  COPAY_STATUS_MATCH: '課税・生活保護状況の照合',
  COPAY_EXEMPTION_DECIDED: '免除の決定',
  COPAY_EXEMPTION_NOTICE: '決定通知',
  COPAY_EXEMPTION_WITHDRAWN: '免除申請の取下げ',
  COPAY_SIMULATED_APPLICATION: '電子申請（シミュレーター）',
  RESIDENT_EXPORT: '住民情報の出力',
  COHORT_EXPORT: '対象者一覧のCSV出力',
  QUESTIONNAIRE_ISSUE: '予診票の発行',
  QUESTIONNAIRE_BATCH: '予診票の一括発行',
  PERMISSION_REFUSED: '権限のない操作の拒否',
  ACCOUNT_LOCKED: 'アカウントのロック',
  ACCOUNT_UNLOCKED: 'アカウントのロック解除',
  ACCOUNT_DISABLED: 'アカウントの利用停止',
  ACCOUNT_ENABLED: 'アカウントの利用再開',
  ACCOUNT_VALIDITY_SET: 'アカウントの有効期間の変更',
  ACCOUNT_EXPIRED: 'アカウントの有効期間終了',
  PASSWORD_CHANGED: 'パスワード変更',
  ACCOUNT_REVIEW: 'アカウントの棚卸し',
  KPI_SLA_TARGET_SET: 'SLA目標の変更',
  DEPARTMENT_CREATED: '部署の作成',
  ACCOUNT_CREATED: 'アカウントの作成',
  ACCOUNT_ACCESS_CHANGED: 'アカウントの権限の変更',
  ACCOUNT_PASSWORD_RESET: '仮パスワードの設定',
  DEPARTMENT_AUTHORITY_SET: '部署の権限の変更',
  KPI_ROLLUP_REBUILT: '業務指標の再集計',
  RETENTION_DELETE: '保存期間経過データの削除',
  RELIEF_CLAIM_REGISTERED: '救済請求の受付',
  RELIEF_CLAIM_VIEW: '救済請求の閲覧',
  RELIEF_CLAIM_UPDATED: '救済請求の更新',
  RELIEF_DOCUMENT_UPLOAD: '救済請求書類の登録',
  RELIEF_DOCUMENT_VIEW: '救済請求書類の閲覧',
  RELIEF_DECISION: '救済の決定',
  RELIEF_PAYMENT: '救済給付の支払',
  SECOND_FACTOR_ENROLLED: '認証アプリの登録',
  SECOND_FACTOR_RESET: '認証アプリのリセット',
  RESIDENT_REQUEST_REGISTERED: '開示等請求の受付',
  RESIDENT_REQUEST_VIEW: '開示等請求の閲覧',
  RESIDENT_REQUEST_UPDATED: '開示等請求の更新',
  RESIDENT_REQUEST_PRINT: '開示等請求の印刷',
  INQUIRY_RECORDED: '問い合わせの受付',
  INQUIRY_VIEW: '問い合わせの閲覧',
  INQUIRY_CLOSED: '問い合わせの完了',
  AUDIT_EXPORT: '監査ログのCSV出力',
  ABNORMAL_ACCESS_REPORT: '異常アクセス報告の表示',
  LEGAL_HOLD_SET: '保全措置（削除停止）の設定',
  LEGAL_HOLD_LIFTED: '保全措置（削除停止）の解除',
};

export interface AuditVerification {
  intact: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
  ranAt?: string;
  trigger?: 'NIGHTLY' | 'ON_DEMAND';
}

export interface AuditEvent {
  id: number;
  occurredAt: string;
  username: string;
  operation: string;
  residentId: number | null;
  /** The resident's 宛名番号, when the event names a resident still in the register. */
  addresseeNumber: string | null;
  clientAddress: string | null;
  detail: string | null;
}

/** As typed into the search form; empty means no filter. */
export interface AuditCriteria {
  username: string;
  addresseeNumber: string;
  operation: string;
  /** YYYY-MM-DD, first day included. */
  from: string;
  /** YYYY-MM-DD, last day included. */
  to: string;
}

export interface AuditEventPage {
  items: AuditEvent[];
  page: number;
  size: number;
  total: number;
}

const AUDIT_PAGE_SIZE = 50;

export function verifyAuditLog(): Promise<AuditVerification> {
  return apiRequest<AuditVerification>('/audit/verify');
}

/** The last verification, nightly or on demand; null before the first one. */
export async function latestVerification(): Promise<AuditVerification | null> {
  return (await apiRequest<AuditVerification | undefined>('/audit/verification/latest')) ?? null;
}

/** The filter as the server reads it: empty criteria left out, text trimmed. */
export function auditFilter(criteria: AuditCriteria): Partial<AuditCriteria> {
  const filter: Partial<AuditCriteria> = {};
  for (const [key, value] of Object.entries(criteria) as [keyof AuditCriteria, string][]) {
    const trimmed = value.trim();
    if (trimmed !== '') {
      filter[key] = trimmed;
    }
  }
  return filter;
}

/** Criteria travel in the body: a 宛名番号 never appears in a URL. */
export function searchAuditEvents(criteria: AuditCriteria, page: number): Promise<AuditEventPage> {
  return apiRequest<AuditEventPage>('/audit/events/search', {
    method: 'POST',
    body: { filter: auditFilter(criteria), page, size: AUDIT_PAGE_SIZE },
  });
}

export function exportAuditEvents(criteria: AuditCriteria, encoding: CsvEncoding): Promise<Download> {
  return apiDownload(
    '/audit/events/export',
    { method: 'POST', body: { filter: auditFilter(criteria), encoding } },
    '監査ログ.csv',
  );
}

/** One audit event in the abnormal-access report; `reason` says why it is outside office hours. */
export interface AbnormalAccess {
  id: number;
  occurredAt: string;
  username: string;
  operation: string;
  residentId: number | null;
  addresseeNumber: string | null;
  clientAddress: string | null;
  detail: string | null;
  reason: string | null;
}

export interface HeavyViewer {
  day: string;
  username: string;
  views: number;
  residents: number;
}

/** `count` is every match; `rows` the first of them. */
export interface ReportSection<T> {
  count: number;
  rows: T[];
}

export interface AbnormalAccessReport {
  from: string;
  to: string;
  /** HH:mm:ss */
  opensAt: string;
  closesAt: string;
  dailyViewThreshold: number;
  outsideOfficeHours: ReportSection<AbnormalAccess>;
  loginFailures: ReportSection<AbnormalAccess>;
  lockouts: ReportSection<AbnormalAccess>;
  heavyViewers: ReportSection<HeavyViewer>;
}

export interface ReportPeriod {
  from: string;
  to: string;
}

export function abnormalAccessReport(period: ReportPeriod): Promise<AbnormalAccessReport> {
  return apiRequest<AbnormalAccessReport>('/audit/abnormal-access', { method: 'POST', body: period });
}

export function exportAbnormalAccess(period: ReportPeriod, encoding: CsvEncoding): Promise<Download> {
  return apiDownload(
    '/audit/abnormal-access/export',
    { method: 'POST', body: { ...period, encoding } },
    '異常アクセス報告.csv',
  );
}

/** The last full month before `today` (YYYY-MM-DD): the period an auditor's monthly review usually covers. */
export function previousMonth(today: string): ReportPeriod {
  const [year, month] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** One recorded access to a resident's data. */
export interface ResidentAccess {
  id: number;
  occurredAt: string;
  username: string;
  operation: string;
  detail: string | null;
}

export interface ResidentAccessLog {
  resident: { id: number; addresseeNumber: string; nameKanji: string; nameKana: string; birthDate: string };
  accesses: ResidentAccess[];
}

/** The 宛名番号 travels in the body, never in the URL. */
export function residentAccessLog(addresseeNumber: string): Promise<ResidentAccessLog> {
  return apiRequest<ResidentAccessLog>('/residents/access-log', { method: 'POST', body: { addresseeNumber } });
}

/** One account in the auditor's review; `unused`: enabled but never used, or not for longer than the limit. */
export interface AccountReviewRow {
  account: {
    username: string;
    displayName: string;
    roles: string[];
    permissions: string[];
    enabled: boolean;
    usable: boolean;
    lastLoginAt: string | null;
    validUntil: string | null;
    /** An authenticator app is registered for the second factor of login (R07). */
    secondFactorEnrolled: boolean;
  };
  daysSinceLastLogin: number | null;
  unused: boolean;
}

export function accountReview(): Promise<AccountReviewRow[]> {
  return apiRequest<AccountReviewRow[]>('/audit/account-review');
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const auditKeys = {
  all: ['audit'] as const,
};

export const accountReviewQuery = () =>
  queryOptions({ queryKey: [...auditKeys.all, 'accountReview'] as const, queryFn: () => accountReview() });

export const searchAuditEventsQuery = (criteria: AuditCriteria, page: number) =>
  queryOptions({ queryKey: [...auditKeys.all, 'searchAuditEvents', criteria, page] as const, queryFn: () => searchAuditEvents(criteria, page) });

export const latestVerificationQuery = () =>
  queryOptions({ queryKey: [...auditKeys.all, 'latestVerification'] as const, queryFn: () => latestVerification() });
