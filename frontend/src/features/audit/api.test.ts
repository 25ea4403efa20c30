import { auditFilter, previousMonth } from './api';

describe('auditFilter', () => {
  it('leaves out empty criteria and trims the rest, so that the server applies only the filters given', () => {
    expect(
      auditFilter({
        username: ' staff1 ',
        addresseeNumber: '',
        operation: 'RESIDENT_VIEW',
        from: '',
        to: '2026-11-30',
      }),
    ).toEqual({ username: 'staff1', operation: 'RESIDENT_VIEW', to: '2026-11-30' });
    expect(auditFilter({ username: '', addresseeNumber: '  ', operation: '', from: '', to: '' })).toEqual({});
  });
});

describe('previousMonth', () => {
  it('is the whole calendar month before today', () => {
    expect(previousMonth('2026-11-26')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('crosses the year in January and knows leap years', () => {
    expect(previousMonth('2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(previousMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
