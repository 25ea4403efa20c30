import { formatWarekiDate } from '../../../lib/date';
import type { VaccineExtension } from '../api';

/** Each vaccine of a special case with the last day it is routine, e.g. 「MR（麻しん風しん） 令和10年11月26日まで」. */
export function VaccineExtensions({ vaccines }: { vaccines: VaccineExtension[] }) {
  return (
    <span data-testid="vaccine-extensions">
      {vaccines.map((vaccine) => `${vaccine.vaccineName} ${formatWarekiDate(vaccine.until)}まで`).join('、')}
    </span>
  );
}
