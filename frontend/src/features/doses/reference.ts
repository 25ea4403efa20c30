import type { DoseReference, VaccineChoice } from './api';

/** The vaccine a value names, by code or by Japanese name (as older CSV files write it). */
export function findVaccine(reference: DoseReference, value: string | null | undefined): VaccineChoice | undefined {
  const text = (value ?? '').trim();
  return reference.vaccines.find((vaccine) => vaccine.code === text || vaccine.name === text);
}
