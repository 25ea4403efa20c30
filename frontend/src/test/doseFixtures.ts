import type { BatchRow, BatchSummary, DoseDetail, DoseReference } from '../features/doses/api';

/** A small copy of the city's lists: two vaccines, two clinics with their doctors, two places. */
export const DOSE_REFERENCE: DoseReference = {
  vaccines: [
    { code: 'MR', name: 'MR（麻しん風しん）', categories: ['1期', '2期'] },
    { code: 'JAPANESE_ENCEPHALITIS', name: '日本脳炎', categories: ['1期初回1回目', '1期初回2回目', '1期追加', '2期'] },
  ],
  institutions: [
    { id: '1110101', name: 'さくら小児科クリニック', active: true },
    { id: '1110103', name: '市立中央病院', active: true },
  ],
  doctors: [
    { id: 'D1010101', institutionId: '1110101', name: '桜井 一郎', active: true },
    { id: 'D1010301', institutionId: '1110103', name: '中央 誠', active: true },
    { id: 'D1010302', institutionId: '1110103', name: '市川 涼子', active: true },
  ],
  places: [
    { id: 'P01', name: '医療機関（個別接種）', active: true },
    { id: 'P02', name: '母子健康センター（集団接種）', active: true },
  ],
};

export function doseDetail(overrides: Partial<DoseDetail> = {}): DoseDetail {
  return {
    dose: {
      id: 41,
      vaccineCode: 'JAPANESE_ENCEPHALITIS',
      vaccine: '日本脳炎',
      doseCategory: '1期初回2回目',
      doseDate: '2024-05-10',
      lotNumber: 'JE-100',
      institutionId: '1110103',
      institutionName: '市立中央病院',
      source: 'COUNTER',
      errorCode: null,
      errorMessage: null,
      corrections: 1,
    },
    items: {
      vaccine: 'JAPANESE_ENCEPHALITIS',
      doseCategory: '1期初回2回目',
      birthDate: '2019-05-01',
      sex: 'MALE',
      lotNumber: 'JE-100',
      doseVolumeMl: '0.5',
      institutionId: '1110103',
      doseDate: '2024-05-10',
      doctorId: 'D1010301',
      placeId: 'P01',
    },
    version: 3,
    corrections: [
      {
        id: 5,
        before: { lotNumber: 'JE-001', doseDate: '2024-05-01', remarks: null },
        after: { lotNumber: 'JE-100', doseDate: '2024-05-10', remarks: '医療機関から訂正' },
        reason: '医療機関からの訂正依頼',
        correctedBy: 'staff2',
        correctedAt: '2026-11-20T01:30:00Z',
      },
    ],
    ...overrides,
  };
}

export function batchSummary(overrides: Partial<BatchSummary> = {}): BatchSummary {
  return {
    id: 7,
    fileName: 'さくら小児科_202610.csv',
    encoding: 'SHIFT_JIS',
    status: 'REVIEW',
    statusLabel: 'エラー確認中',
    rowCount: 40,
    validatedRows: 40,
    acceptedRows: 37,
    rejectedRows: 2,
    excludedRows: 1,
    uploadedBy: 'staff1',
    uploadedAt: '2026-11-26T00:15:00Z',
    approvedBy: null,
    approvedAt: null,
    registeredAt: null,
    openTask: { id: 't-90', name: 'エラー行の確認', assignee: null },
    ...overrides,
  };
}

export function batchRow(overrides: Partial<BatchRow> = {}): BatchRow {
  return {
    line: 3,
    status: 'REJECTED',
    items: {
      addresseeNumber: '0000000001',
      vaccine: 'MR',
      doseCategory: '1期',
      lotNumber: 'MR-01',
      institutionId: '1110101',
      doctorId: 'D1010101',
      doseDate: '2027-10-05',
      billingMonth: '202710',
    },
    problems: [{ code: 'E030', item: 'doseDate', message: '接種年月日が未来の日付です', warning: false }],
    residentName: '山田 太郎',
    ...overrides,
  };
}
