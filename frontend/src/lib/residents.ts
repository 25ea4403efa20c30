import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './api';

// Residents as other features show and find them (doses, outreach, disclosure packages); the case page is in
// features/residents.
export type Sex = 'MALE' | 'FEMALE';
export type ResidentStatus = 'REGISTERED' | 'NON_RESIDENT' | 'MOVED_OUT' | 'DECEASED';

export interface ResidentSummary {
  id: string;
  addresseeNumber: string;
  nameKanji: string;
  nameKana: string;
  birthDate: string;
  sex: Sex;
  address: string;
  status: ResidentStatus;
  myNumberMasked: string;
}

export interface ResidentDetail extends ResidentSummary {
  phone: string | null;
  householdNumber: string | null;
  relationship: string | null;
  householdHeadName: string | null;
  source: string | null;
}

export type DoseSource = 'COUNTER' | 'BATCH' | 'MIGRATED' | 'SYNTHETIC_DEMO';

/** One recorded vaccination as staff see it; vaccine is the Japanese name, vaccineCode the code (null if unknown). */
export interface DoseRecord {
  id: number;
  vaccineCode: string | null;
  vaccine: string;
  doseCategory: string;
  doseDate: string;
  lotNumber: string | null;
  institutionId: string | null;
  institutionName: string | null;
  source: DoseSource;
  /** エラーコード kept on a record registered with a confirmed warning (e.g. "E032"), comma-separated. */
  errorCode: string | null;
  errorMessage: string | null;
  /** How many 職権修正 were made to the record. */
  corrections: number;
}

/**
 * The text of a record's エラーコード without the codes themselves, which are shown as badges:
 * "E032 前回の接種…" → "前回の接種…"; several problems stay joined with " / ".
 */
export function doseErrorText(dose: Pick<DoseRecord, 'errorMessage'>): string | null {
  if (!dose.errorMessage) {
    return null;
  }
  return dose.errorMessage
    .split(' / ')
    .map((part) => part.replace(/^[A-Z]\d{3}\s+/, ''))
    .join(' / ');
}

export const DOSE_SOURCE_LABELS: Record<DoseSource, string> = {
  COUNTER: '窓口入力',
  BATCH: '一括登録',
  MIGRATED: '移行データ',
  SYNTHETIC_DEMO: '合成データ（デモ）',
};

export type EligibilityStatus = 'ELIGIBLE' | 'UPCOMING' | 'OVERDUE' | 'COMPLETED' | 'NOT_ELIGIBLE';

/** 接種可能範囲 of one routine vaccine as of today. */
export interface VaccineEligibility {
  vaccineCode: string;
  vaccineName: string;
  status: EligibilityStatus;
  /** 接種区分 of the next or missed dose, e.g. 1期初回2回目. */
  nextDose: string | null;
  eligibleFrom: string | null;
  eligibleUntil: string | null;
  reason: string;
}

export interface ResidentCriteria {
  name: string;
  birthDate: string;
  addresseeNumber: string;
}

export interface ResidentPage {
  items: ResidentSummary[];
  page: number;
  size: number;
  total: number;
  /** More matches than `total`, where the server stopped counting (a part as common as ヤマ). */
  totalCapped: boolean;
}

const RESIDENT_PAGE_SIZE = 20;

export const SEX_LABELS: Record<Sex, string> = { MALE: '男', FEMALE: '女' };

/** Where the record came from (R01). */
export const SOURCE_LABELS: Record<string, string> = {
  RESIDENT_REGISTER_FEED: '住民基本台帳（庁内連携）',
  RESIDENT_NETWORK_CS: '住基ネット（市町村CS）',
  STAFF_ENTRY: '職員入力',
  SYNTHETIC_DEMO: '合成データ（デモ）',
};

export const ELIGIBILITY_STATUS_LABELS: Record<EligibilityStatus, string> = {
  ELIGIBLE: '接種可',
  OVERDUE: '期限切れ',
  UPCOMING: '接種時期前',
  COMPLETED: '完了',
  NOT_ELIGIBLE: '対象外',
};

export const STATUS_LABELS: Record<ResidentStatus, string> = {
  REGISTERED: '住民',
  NON_RESIDENT: '住登外',
  MOVED_OUT: '転出',
  DECEASED: '死亡',
};

/** Criteria go in the body: names and birth dates must never appear in URLs or access logs. */
export function searchResidents(criteria: ResidentCriteria, page: number): Promise<ResidentPage> {
  const filled = Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== ''));
  return apiRequest<ResidentPage>('/residents/search', {
    method: 'POST',
    body: { ...filled, page, size: RESIDENT_PAGE_SIZE },
  });
}

/** Everything the resident's case page shows in one call, so that viewing it writes a single audit row. */

/**
 * The resident a complete 宛名番号 belongs to (null: none). Each look-up is a search the server audits, so it is
 * asked once per number and never again behind the clerk's back.
 */
export const residentByNumberQuery = (addresseeNumber: string) =>
  queryOptions({
    queryKey: ['residents', 'byNumber', addresseeNumber] as const,
    queryFn: async () => {
      const page = await searchResidents({ name: '', birthDate: '', addresseeNumber }, 0);
      return page.items.find((item) => item.addresseeNumber === addresseeNumber) ?? null;
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
