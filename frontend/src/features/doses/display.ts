import { formatWarekiDate } from '../../lib/date';
import type { DoseReference } from './api';
import { findVaccine } from './reference';

const SEX_TEXT: Record<string, string> = { MALE: '男', FEMALE: '女' };

function named(list: { id: string; name: string }[], id: string): string {
  const found = list.find((entry) => entry.id === id);
  return found ? `${found.name}（${id}）` : id;
}

/** An item's value as staff read it: 和暦 dates, names for codes and ids; an empty value says so. */
export function displayItemValue(
  key: string,
  value: string | null | undefined,
  reference: DoseReference | null,
): string {
  if (value === null || value === undefined || value.trim() === '') {
    return '（空欄）';
  }
  switch (key) {
    case 'birthDate':
    case 'doseDate':
      return formatWarekiDate(value);
    case 'sex':
      return SEX_TEXT[value] ?? value;
    case 'vaccine':
      return reference ? (findVaccine(reference, value)?.name ?? value) : value;
    case 'institutionId':
    case 'screeningInstitutionId':
      return reference ? named(reference.institutions, value) : value;
    case 'doctorId':
    case 'screeningDoctorId':
      return reference ? named(reference.doctors, value) : value;
    case 'placeId':
      return reference ? named(reference.places, value) : value;
    default:
      return value;
  }
}
