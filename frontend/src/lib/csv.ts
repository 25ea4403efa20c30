/** The encodings a CSV download can be asked for (the server's CsvEncoding). */
export type CsvEncoding = 'UTF8_BOM' | 'SHIFT_JIS';

export const CSV_ENCODING_LABELS: Record<CsvEncoding, string> = {
  UTF8_BOM: 'UTF-8（BOM付き）',
  SHIFT_JIS: 'Shift_JIS',
};
