import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AddresseeNumberField } from '../../../components/AddresseeNumberField';
import { ageOn, formatWarekiDate } from '../../../lib/date';
import { residentByNumberQuery, SEX_LABELS, STATUS_LABELS, type ResidentSummary } from '../../../lib/residents';

const COMPLETE = /^\d{10}$/;

type Lookup =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'found'; resident: ResidentSummary }
  | { state: 'not-found' }
  | { state: 'failed'; message: string };

interface ResidentLookupFieldProps {
  /** Prefix of the field's id and test id (`{id}-addressee-number`) and of the result (`{id}-resident`). */
  id: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  /** The resident the number belongs to, or null while there is none. */
  onResident: (resident: ResidentSummary | null) => void;
}

/**
 * The 宛名番号 field that shows whose number it is once ten digits are in, so that the clerk compares name and
 * birth date with the 予診票 before registering. Each look-up is a search the server audits.
 */
export function ResidentLookupField({ id, value, error, onChange, onResident }: ResidentLookupFieldProps) {
  const number = value.trim();
  const complete = COMPLETE.test(number);
  const query = useQuery({ ...residentByNumberQuery(number), enabled: complete });
  const lookup: Lookup = !complete
    ? { state: 'idle' }
    : query.isPending
      ? { state: 'searching' }
      : query.isError
        ? { state: 'failed', message: query.error.message }
        : query.data
          ? { state: 'found', resident: query.data }
          : { state: 'not-found' };
  const resident = lookup.state === 'found' ? lookup.resident : null;

  useEffect(() => {
    onResident(resident);
    // onResident is the parent's setter; only the resident found decides what it is told.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the parent passes a new closure on every render
  }, [resident]);

  return (
    <div className="resident-lookup">
      <AddresseeNumberField id={id} value={value} error={error} onChange={onChange} />
      <p className="resident-lookup-result" role="status" data-testid={`${id}-resident`}>
        {lookup.state === 'searching' && '住民を確認しています…'}
        {lookup.state === 'found' && <ResidentLine resident={lookup.resident} />}
        {lookup.state === 'not-found' && 'この宛名番号の住民は見つかりません。'}
        {lookup.state === 'failed' && lookup.message}
      </p>
    </div>
  );
}

function ResidentLine({ resident }: { resident: ResidentSummary }) {
  const age = ageOn(resident.birthDate);
  return (
    <>
      <span className="resident-name">{resident.nameKanji}</span>（{resident.nameKana}）{' '}
      {formatWarekiDate(resident.birthDate)}生{age === null ? '' : `（${age}歳）`}{' '}
      {SEX_LABELS[resident.sex] ?? resident.sex}
      {resident.status !== 'REGISTERED' && `・${STATUS_LABELS[resident.status] ?? resident.status}`}
    </>
  );
}
