import { useState, type FormEvent } from 'react';
import { FieldError } from '../../../components/Message';
import {
  ELIGIBILITY_STATUS_LABELS,
  SEX_LABELS,
  STATUS_LABELS,
  type EligibilityStatus,
  type ResidentStatus,
  type Sex,
} from '../../../lib/residents';
import type { AgeUnit, CohortCriteria, OutreachOptions } from '../api';

const RESIDENT_STATUSES: ResidentStatus[] = ['REGISTERED', 'NON_RESIDENT', 'MOVED_OUT', 'DECEASED'];
const VACCINE_STATUSES: EligibilityStatus[] = ['ELIGIBLE', 'UPCOMING', 'OVERDUE', 'COMPLETED', 'NOT_ELIGIBLE'];

interface CohortCriteriaFormProps {
  options: OutreachOptions;
  initial: CohortCriteria;
  errors: Record<string, string>;
  onSearch: (criteria: CohortCriteria) => void;
}

function toggle<T>(values: T[], value: T, on: boolean): T[] {
  return on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value);
}

function ageValue(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

/** The cohort's criteria: plain ones first, then a vaccine with its status and 接種区分. */
export function CohortCriteriaForm({ options, initial, errors, onSearch }: CohortCriteriaFormProps) {
  const [draft, setDraft] = useState<CohortCriteria>(initial);
  const [ageFrom, setAgeFrom] = useState(initial.ageFrom === null ? '' : String(initial.ageFrom));
  const [ageTo, setAgeTo] = useState(initial.ageTo === null ? '' : String(initial.ageTo));
  const [localError, setLocalError] = useState<string | undefined>();
  const noVaccine = draft.vaccine === null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const from = ageValue(ageFrom);
    const to = ageValue(ageTo);
    if ((from !== null && !Number.isInteger(from)) || (to !== null && !Number.isInteger(to))) {
      setLocalError('年齢は整数で入力してください');
      return;
    }
    setLocalError(undefined);
    const vaccine = draft.vaccine;
    onSearch({
      ...draft,
      ageFrom: from,
      ageTo: to,
      statuses: vaccine === null ? [] : draft.statuses,
      doseCategory: vaccine === null || !draft.doseCategory?.trim() ? null : draft.doseCategory.trim(),
    });
  }

  return (
    <form className="search-form cohort-form" onSubmit={submit} role="search" aria-label="対象者の抽出条件">
      <fieldset className="field">
        <legend>年齢</legend>
        <div className="inline-inputs">
          <input
            aria-label="年齢（から）"
            data-testid="age-from"
            inputMode="numeric"
            size={4}
            value={ageFrom}
            aria-invalid={Boolean(errors.ageFrom || localError)}
            onChange={(event) => setAgeFrom(event.target.value)}
          />
          〜
          <input
            aria-label="年齢（まで）"
            data-testid="age-to"
            inputMode="numeric"
            size={4}
            value={ageTo}
            aria-invalid={Boolean(errors.ageTo)}
            onChange={(event) => setAgeTo(event.target.value)}
          />
          <select
            aria-label="年齢の単位"
            data-testid="age-unit"
            value={draft.ageUnit}
            onChange={(event) => setDraft({ ...draft, ageUnit: event.target.value as AgeUnit })}
          >
            <option value="YEARS">歳</option>
            <option value="MONTHS">か月</option>
          </select>
        </div>
        <FieldError id="age-from-error" message={localError ?? errors.ageFrom} />
        <FieldError id="age-to-error" message={errors.ageTo} />
      </fieldset>

      <div className="field">
        <label htmlFor="cohort-districts">地区（複数選択可）</label>
        <select
          id="cohort-districts"
          data-testid="districts"
          multiple
          size={5}
          value={draft.districts}
          aria-invalid={Boolean(errors.districts)}
          onChange={(event) =>
            setDraft({ ...draft, districts: Array.from(event.target.selectedOptions, (option) => option.value) })
          }
        >
          {options.districts.map((district) => (
            <option key={district} value={district}>
              {district}
            </option>
          ))}
        </select>
        <FieldError id="districts-error" message={errors.districts} />
      </div>

      <div className="field">
        <label htmlFor="cohort-sex">性別</label>
        <select
          id="cohort-sex"
          value={draft.sex ?? ''}
          onChange={(event) =>
            setDraft({ ...draft, sex: event.target.value === '' ? null : (event.target.value as Sex) })
          }
        >
          <option value="">指定なし</option>
          {(Object.keys(SEX_LABELS) as Sex[]).map((sex) => (
            <option key={sex} value={sex}>
              {SEX_LABELS[sex]}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="field">
        <legend>住民区分</legend>
        <div className="inline-inputs">
          {RESIDENT_STATUSES.map((status) => (
            <label key={status}>
              <input
                type="checkbox"
                checked={draft.residentStatuses.includes(status)}
                onChange={(event) =>
                  setDraft({ ...draft, residentStatuses: toggle(draft.residentStatuses, status, event.target.checked) })
                }
              />
              {STATUS_LABELS[status]}
            </label>
          ))}
        </div>
        <FieldError id="resident-statuses-error" message={errors.residentStatuses} />
      </fieldset>

      <div className="field">
        <label htmlFor="cohort-vaccine">ワクチン</label>
        <select
          id="cohort-vaccine"
          data-testid="vaccine"
          value={draft.vaccine ?? ''}
          aria-invalid={Boolean(errors.vaccine)}
          onChange={(event) => setDraft({ ...draft, vaccine: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">指定なし</option>
          {options.vaccines.map((vaccine) => (
            <option key={vaccine.code} value={vaccine.code}>
              {vaccine.name}
            </option>
          ))}
        </select>
        <FieldError id="vaccine-error" message={errors.vaccine} />
      </div>

      <fieldset className="field" disabled={noVaccine}>
        <legend>接種状況（ワクチンを選ぶと指定できます）</legend>
        <div className="inline-inputs">
          {VACCINE_STATUSES.map((status) => (
            <label key={status}>
              <input
                type="checkbox"
                data-testid={`status-${status}`}
                checked={draft.statuses.includes(status)}
                onChange={(event) =>
                  setDraft({ ...draft, statuses: toggle(draft.statuses, status, event.target.checked) })
                }
              />
              {ELIGIBILITY_STATUS_LABELS[status]}
            </label>
          ))}
        </div>
        <FieldError id="statuses-error" message={errors.statuses} />
      </fieldset>

      <div className="field">
        <label htmlFor="cohort-dose-category">次の接種区分</label>
        <input
          id="cohort-dose-category"
          data-testid="dose-category"
          placeholder="例：2期"
          size={10}
          disabled={noVaccine}
          value={draft.doseCategory ?? ''}
          aria-invalid={Boolean(errors.doseCategory)}
          onChange={(event) => setDraft({ ...draft, doseCategory: event.target.value })}
        />
        <FieldError id="dose-category-error" message={errors.doseCategory} />
      </div>

      <button type="submit" className="primary" data-testid="cohort-search-button">
        抽出
      </button>
    </form>
  );
}
