import type { FieldErrors } from '../../lib/api';
import type { DoseProblem } from './api';
import { RECORD_KEY } from './items';

/** One line of an error report: the item it concerns (RECORD_KEY: the whole record), エラーコード and text. */
export interface ProblemLine {
  item: string;
  code: string | null;
  message: string;
  warning: boolean;
}

const CODED = /^([A-Z]\d{3})\s+(.*)$/s;

/**
 * The server puts "E030 接種年月日が未来の日付です" under the item's key, several joined with " / "; this splits
 * them back into lines with their エラーコード.
 */
export function problemsFromFields(fields: FieldErrors, warning: boolean): ProblemLine[] {
  return Object.entries(fields).flatMap(([item, text]) =>
    text.split(' / ').map((part) => {
      const match = CODED.exec(part.trim());
      return match
        ? { item, code: match[1], message: match[2], warning }
        : { item, code: null, message: part.trim(), warning };
    }),
  );
}

export function problemsFromRow(problems: DoseProblem[]): ProblemLine[] {
  return problems.map((problem) => ({
    item: problem.item ?? RECORD_KEY,
    code: problem.code,
    message: problem.message,
    warning: problem.warning,
  }));
}

/** The messages to show next to each field, in the same "E030 ..." form the single-entry API uses. */
export function fieldsFromProblems(problems: DoseProblem[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const problem of problems) {
    const key = problem.item ?? RECORD_KEY;
    const text = `${problem.code} ${problem.message}`;
    fields[key] = fields[key] ? `${fields[key]} / ${text}` : text;
  }
  return fields;
}
