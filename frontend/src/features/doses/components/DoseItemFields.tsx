import { useState, type ReactNode } from 'react';
import { SelectField, type SelectOption } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import type { FieldErrors } from '../../../lib/api';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import type { DoseReference } from '../api';
import { isRequired, itemLabel, type DoseItemKey, type DoseItems } from '../items';
import { findVaccine } from '../reference';

/** The less common items, folded away under 「その他の項目」 unless they hold something. */
const OTHER_ITEMS: DoseItemKey[] = [
  'screeningCategory',
  'screeningInstitutionId',
  'screeningDoctorId',
  'preMergerTown',
  'vaccineMaker',
  'dtCategory',
  'initialVaccineCategory',
  'tuberculinResult',
  'tuberculinSizeV',
  'tuberculinSizeH',
  'tuberculinState',
  'remarks',
];

/** Which item must be cleared when another changes: a 接種区分 belongs to its vaccine, a doctor to an institution. */
const DEPENDENT_ITEMS: Partial<Record<DoseItemKey, DoseItemKey>> = {
  vaccine: 'doseCategory',
  institutionId: 'doctorId',
  screeningInstitutionId: 'screeningDoctorId',
};

const SEX_OPTIONS: SelectOption[] = [
  { value: 'MALE', label: '男' },
  { value: 'FEMALE', label: '女' },
];

/** Clinics write 性別 as 男/女, 1/2 or M/F; the select shows them as the choice they mean. */
function sexChoice(value: string): string {
  const normalized = value.trim().toUpperCase();
  if (['男', '1', 'M', 'MALE'].includes(normalized)) {
    return 'MALE';
  }
  if (['女', '2', 'F', 'FEMALE'].includes(normalized)) {
    return 'FEMALE';
  }
  return value;
}

function withId(choice: { id: string; name: string }): SelectOption {
  return { value: choice.id, label: `${choice.name}（${choice.id}）` };
}

interface DoseItemFieldsProps {
  /** Prefix of every field's id and test id: `{idPrefix}-{itemKey}`. */
  idPrefix: string;
  items: DoseItems;
  /** The server's messages by item key. */
  errors: FieldErrors;
  reference: DoseReference;
  onChange: (items: DoseItems) => void;
  /** The 宛名番号 field, where the form has one; a correction keeps the record's resident. */
  addresseeField?: ReactNode;
}

/**
 * The items of a dose record as form fields, shared by the counter's entry form, the 職権修正 form and the
 * correction of a rejected CSV line: vaccine before 接種区分, institution before doctor, the rest folded away.
 */
export function DoseItemFields({ idPrefix, items, errors, reference, onChange, addresseeField }: DoseItemFieldsProps) {
  const otherHasValues = OTHER_ITEMS.some((key) => (items[key] ?? '') !== '');
  const otherHasErrors = OTHER_ITEMS.some((key) => Boolean(errors[key]));
  const [otherOpen, setOtherOpen] = useState(otherHasValues);

  function set(key: DoseItemKey, value: string) {
    const next: DoseItems = { ...items, [key]: value };
    const dependent = DEPENDENT_ITEMS[key];
    const dependentValue = dependent ? (next[dependent] ?? '') : '';
    if (dependent && dependentValue !== '') {
      if (!dependentOptions(dependent, next).some((option) => option.value === dependentValue)) {
        next[dependent] = '';
      }
    }
    onChange(next);
  }

  function dependentOptions(key: DoseItemKey, values: DoseItems): SelectOption[] {
    switch (key) {
      case 'doseCategory':
        return (findVaccine(reference, values.vaccine)?.categories ?? []).map((name) => ({ value: name, label: name }));
      case 'doctorId':
        return doctorsOf(values.institutionId);
      case 'screeningDoctorId':
        return doctorsOf(values.screeningInstitutionId);
      default:
        return [];
    }
  }

  /** The doctors of the chosen institution; all of them while no known institution is chosen. */
  function doctorsOf(institutionId: string | undefined): SelectOption[] {
    const id = (institutionId ?? '').trim();
    const known = reference.institutions.some((institution) => institution.id === id);
    return reference.doctors.filter((doctor) => doctor.active && (!known || doctor.institutionId === id)).map(withId);
  }

  const common = (key: DoseItemKey) => ({
    id: `${idPrefix}-${key}`,
    label: itemLabel(key),
    value: items[key] ?? '',
    error: errors[key],
    required: isRequired(key),
  });

  const text = (key: DoseItemKey, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField {...common(key)} onChange={(value) => set(key, value)} {...extra} />
  );

  const select = (key: DoseItemKey, options: SelectOption[], hint?: string, shown?: string) => (
    <SelectField
      {...common(key)}
      value={shown ?? items[key] ?? ''}
      options={options}
      hint={hint}
      onChange={(value) => set(key, value)}
    />
  );

  const date = (key: DoseItemKey) => <JapaneseDateField {...common(key)} onChange={(value) => set(key, value)} />;

  const institutions = reference.institutions.filter((institution) => institution.active).map(withId);
  const vaccineChosen = findVaccine(reference, items.vaccine) !== undefined;

  return (
    <div className="dose-fields">
      <fieldset>
        <legend>被接種者</legend>
        {addresseeField}
        {date('birthDate')}
        {select('sex', SEX_OPTIONS, undefined, sexChoice(items.sex ?? ''))}
      </fieldset>
      <fieldset>
        <legend>接種内容</legend>
        {select(
          'vaccine',
          reference.vaccines.map((vaccine) => ({ value: vaccine.code, label: vaccine.name })),
          undefined,
          // Records keep the vaccine's Japanese name; the list is by code. Unchanged, the name is sent back as it was.
          findVaccine(reference, items.vaccine)?.code,
        )}
        {select(
          'doseCategory',
          dependentOptions('doseCategory', items),
          vaccineChosen ? undefined : '接種種別を選ぶと選択肢が表示されます',
        )}
        {date('doseDate')}
        {text('lotNumber', { maxLength: 20, autoComplete: 'off' })}
        {text('doseVolumeMl', { inputMode: 'decimal', hint: '0.05〜1.00', maxLength: 6 })}
      </fieldset>
      <fieldset>
        <legend>医療機関</legend>
        {select('institutionId', institutions)}
        {select('doctorId', doctorsOf(items.institutionId))}
        {select('placeId', reference.places.filter((place) => place.active).map(withId))}
        {text('billingMonth', { inputMode: 'numeric', hint: '例: 202404', maxLength: 7 })}
      </fieldset>
      <details
        className="other-items"
        open={otherOpen || otherHasErrors}
        onToggle={(event) => setOtherOpen(event.currentTarget.open)}
        data-testid={`${idPrefix}-other-items`}
      >
        <summary>その他の項目</summary>
        <div className="other-items-fields">
          {text('screeningCategory')}
          {select('screeningInstitutionId', institutions)}
          {select('screeningDoctorId', doctorsOf(items.screeningInstitutionId))}
          {text('preMergerTown')}
          {text('vaccineMaker')}
          {text('dtCategory')}
          {text('initialVaccineCategory')}
          {text('tuberculinResult')}
          {text('tuberculinSizeV', { inputMode: 'decimal', maxLength: 6 })}
          {text('tuberculinSizeH', { inputMode: 'decimal', maxLength: 6 })}
          {text('tuberculinState')}
          <TextAreaField {...common('remarks')} maxLength={500} rows={2} onChange={(value) => set('remarks', value)} />
        </div>
      </details>
    </div>
  );
}
