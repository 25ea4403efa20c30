import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';

/** The external systems whose simulators can be told to fail; the names are the server's path segments. */
export type SimulatedSystem = 'intermediate-server' | 'resident-network' | 'city-linkage';

export const SIMULATED_SYSTEM_LABELS: Record<SimulatedSystem, string> = {
  'intermediate-server': '中間サーバー',
  'resident-network': '市町村CS',
  'city-linkage': '庁内連携（税・生活保護）',
};

/** Japanese names of the server's information items (InformationItem); the log may show any of them. */
export const INFORMATION_ITEM_LABELS: Record<string, string> = {
  VACCINATION_RECORD: '予防接種の実施に関する情報',
  LOCAL_TAX: '地方税関係情報',
  PUBLIC_ASSISTANCE: '生活保護関係情報',
  DISABILITY_CERTIFICATE: '身体障害者手帳関係情報',
  HEALTH_CHECKUP: '健康診査関係情報',
  RELIEF_BENEFIT: '予防接種健康被害救済給付関係情報',
};

export type ProvisionItem = 'VACCINATION_RECORD' | 'RELIEF_BENEFIT' | 'LOCAL_TAX' | 'HEALTH_CHECKUP';

/**
 * What the simulated agency may ask this city for: an automatic item, one flagged 自動応答不可, and two
 * this affair may not provide.
 */
export const PROVISION_ITEMS: ProvisionItem[] = ['VACCINATION_RECORD', 'RELIEF_BENEFIT', 'LOCAL_TAX', 'HEALTH_CHECKUP'];

export type ExchangeDirection = 'QUERY' | 'PROVISION';

export const DIRECTION_LABELS: Record<ExchangeDirection, string> = {
  QUERY: '照会',
  PROVISION: '情報提供',
};

export interface ProvisionRequest {
  addresseeNumber: string;
  informationItem: ProvisionItem;
  requesterAgency: string;
}

/** What the intermediate server saw of one exchange: codes only, never names or addressee numbers. */
export interface IntermediateServerLogEntry {
  direction: ExchangeDirection;
  requestId: string;
  networkCode: string;
  informationItem: string;
  detail: string;
}

export function receiveProvisionRequest(request: ProvisionRequest): Promise<{ provisionRequestId: number }> {
  return apiRequest<{ provisionRequestId: number }>('/admin/simulators/intermediate-server/provision-requests', {
    method: 'POST',
    body: request,
  });
}

export function failNextSends(system: SimulatedSystem, count: number): Promise<void> {
  return apiRequest<void>(`/admin/simulators/${system}/failures`, { method: 'POST', body: { count } });
}

export function fetchIntermediateServerLog(): Promise<IntermediateServerLogEntry[]> {
  return apiRequest<IntermediateServerLogEntry[]>('/admin/simulators/intermediate-server/log');
}

export type CoPayVaccine = 'INFLUENZA_ELDERLY' | 'PNEUMOCOCCAL_ELDERLY' | 'COVID';

export const CO_PAY_VACCINE_LABELS: Record<CoPayVaccine, string> = {
  INFLUENZA_ELDERLY: '高齢者インフルエンザ',
  PNEUMOCOCCAL_ELDERLY: '高齢者肺炎球菌',
  COVID: '新型コロナ',
};

/** The ぴったりサービス SIMULATOR: a synthetic resident files an application online. */
export function submitPittariApplication(
  addresseeNumber: string,
  vaccine: CoPayVaccine,
): Promise<{ applicationNumber: string }> {
  return apiRequest<{ applicationNumber: string }>('/admin/simulators/pittari-service/applications', {
    method: 'POST',
    body: { addresseeNumber, vaccine },
  });
}

/** The cache keys of this feature's server state; everything under `all` is refreshed together. */
export const simulatorsKeys = {
  all: ['simulators'] as const,
};

export const intermediateServerLogQuery = () =>
  queryOptions({
    queryKey: [...simulatorsKeys.all, 'fetchIntermediateServerLog'] as const,
    queryFn: () => fetchIntermediateServerLog(),
  });
