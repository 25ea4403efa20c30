import { apiRequest } from '../../lib/api';

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

export function fetchResident(id: string): Promise<ResidentDetail> {
  return apiRequest<ResidentDetail>(`/residents/${encodeURIComponent(id)}`);
}
