/**
 * The items of a dose record (予防接種ファイル) as the API names them, with the label staff read and the column
 * header of the clinics' monthly CSV. One list drives the entry form, the error summaries, the correction history
 * and the CSV template, so that they never disagree.
 */
export const DOSE_ITEMS = [
  { key: 'addresseeNumber', label: '宛名番号', csvHeader: '宛名番号', required: true },
  { key: 'vaccine', label: '接種種別', csvHeader: '接種種別', required: true },
  { key: 'doseCategory', label: '接種区分', csvHeader: '接種区分', required: true },
  { key: 'birthDate', label: '生年月日', csvHeader: '生年月日', required: false },
  { key: 'sex', label: '性別', csvHeader: '性別', required: false },
  { key: 'lotNumber', label: 'ロット番号', csvHeader: 'LotNo', required: true },
  { key: 'doseVolumeMl', label: '接種量（mL）', csvHeader: '接種量', required: false },
  { key: 'institutionId', label: '接種医療機関', csvHeader: '接種_医療機関ID', required: true },
  { key: 'doseDate', label: '接種年月日', csvHeader: '接種年月日', required: true },
  { key: 'billingMonth', label: '請求月', csvHeader: '請求月', required: false },
  { key: 'placeId', label: '実施場所', csvHeader: '実施場所ID', required: false },
  { key: 'screeningCategory', label: '予診区分', csvHeader: '予診区分', required: false },
  { key: 'screeningInstitutionId', label: '予診医療機関', csvHeader: '予診_医療機関ID', required: false },
  { key: 'screeningDoctorId', label: '予診医師', csvHeader: '予診_医師ID', required: false },
  { key: 'doctorId', label: '接種医師', csvHeader: '接種_医師ID', required: true },
  { key: 'preMergerTown', label: '合併前市町村', csvHeader: '合併前市町村', required: false },
  { key: 'vaccineMaker', label: 'ワクチン会社', csvHeader: 'ワクチン会社', required: false },
  { key: 'dtCategory', label: '二混合区分', csvHeader: '二混合区分', required: false },
  { key: 'initialVaccineCategory', label: '初回ワクチン区分', csvHeader: '初回ワクチン区分', required: false },
  { key: 'tuberculinResult', label: 'ツベルクリン判定', csvHeader: 'ツベルクリン判定', required: false },
  { key: 'tuberculinSizeV', label: 'ツベルクリン 大きさ縦（mm）', csvHeader: '大きさ縦', required: false },
  { key: 'tuberculinSizeH', label: 'ツベルクリン 大きさ横（mm）', csvHeader: '大きさ横', required: false },
  { key: 'tuberculinState', label: 'ツベルクリン 状態', csvHeader: '状態', required: false },
  { key: 'remarks', label: '備考', csvHeader: '備考', required: false },
] as const;

export type DoseItemKey = (typeof DOSE_ITEMS)[number]['key'];

/** A dose record's items by key; every value is text, as the form shows it. */
export type DoseItems = Partial<Record<DoseItemKey, string>>;

const LABELS: Record<string, string> = Object.fromEntries(DOSE_ITEMS.map((item) => [item.key, item.label]));

/** The problems the server reports for the record as a whole come under this key. */
export const RECORD_KEY = 'record';

/** "doseDate" → "接種年月日"; the record as a whole and unknown keys get a readable name too. */
export function itemLabel(key: string): string {
  if (key === RECORD_KEY) {
    return '接種記録全体';
  }
  if (key === 'reason') {
    return '修正理由';
  }
  return LABELS[key] ?? key;
}

export function isRequired(key: DoseItemKey): boolean {
  return DOSE_ITEMS.some((item) => item.key === key && item.required);
}

/** Every item (except those left out), with the draft's text or empty: what a correction sends. */
export function allItems(draft: DoseItems, except: DoseItemKey[] = []): Record<string, string> {
  return Object.fromEntries(
    DOSE_ITEMS.filter((item) => !except.includes(item.key)).map((item) => [item.key, draft[item.key] ?? '']),
  );
}

/** Only the items with text, trimmed: what a new registration sends. */
export function filledItems(draft: DoseItems): Record<string, string> {
  return Object.fromEntries(
    Object.entries(draft)
      .map(([key, value]) => [key, (value ?? '').trim()])
      .filter(([, value]) => value !== ''),
  );
}

const UTF8_BOM = '\uFEFF';

/**
 * The header line of the clinics' monthly CSV. The BOM lets Excel open the file as UTF-8, and the server's
 * automatic encoding detection reads it either way.
 */
export function templateCsv(): string {
  return `${UTF8_BOM}${DOSE_ITEMS.map((item) => item.csvHeader).join(',')}\r\n`;
}
