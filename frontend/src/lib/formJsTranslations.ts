// form-js speaks English; its translate service is replaced so validation messages read in Japanese.
const JAPANESE: Record<string, string> = {
  'Field is required.': '入力してください。',
  'Field must be a valid email.': 'メールアドレスの形式で入力してください。',
  'Field must have minimum length of {value}.': '{value}文字以上で入力してください。',
  'Field must have maximum length of {value}.': '{value}文字以内で入力してください。',
  'Field must have minimum value of {value}.': '{value}以上の値を入力してください。',
  'Field must have maximum value of {value}.': '{value}以下の値を入力してください。',
  'Field must match pattern {value}.': '入力形式が正しくありません。',
  'Field must be a valid international phone number. (e.g. +4930664040900)':
    '国際電話番号の形式で入力してください（例: +81312345678）。',
  'Value is not a number.': '数値を入力してください。',
  'Value is expected to be an integer.': '整数を入力してください。',
  'Value is expected to have at most {value} decimal digits.': '小数点以下{value}桁までで入力してください。',
  'Value is expected to have at most 1 decimal digit.': '小数点以下1桁までで入力してください。',
  'Date and time must both be entered.': '日付と時刻の両方を入力してください。',
  Search: '検索',
  'Nothing to show.': '表示する項目がありません。',
  'No content to show.': '表示する内容がありません。',
  'Previous page': '前のページ',
  'Next page': '次のページ',
  '{page} of {total}': '{page} / {total}',
  Increment: '増やす',
  Decrement: '減らす',
  'No files selected': 'ファイルが選択されていません',
  '{value} files selected': '{value}件のファイルを選択',
};

export function translateToJapanese(template: string, replacements: Record<string, unknown> = {}): string {
  const text = JAPANESE[template] ?? template;
  return text.replace(/{([^}]+)}/g, (_, key: string) =>
    replacements[key] === undefined ? `{${key}}` : String(replacements[key]),
  );
}

/** A didi module overriding form-js' built-in `translate` service. */
export const japaneseTranslationModule = {
  translate: ['value', translateToJapanese],
};
