import { daysLeft, deadlineBadges } from './deadline';

const OPEN = { dueOn: '2026-05-01', extended: false, overdue: false, open: true };

describe('deadline badges', () => {
  it('counts calendar days across months and years', () => {
    expect(daysLeft('2026-05-01', '2026-04-01')).toBe(30);
    expect(daysLeft('2027-01-02', '2026-12-31')).toBe(2);
    expect(daysLeft('2026-04-30', '2026-05-01')).toBe(-1);
  });

  it('says nothing while the due date is far', () => {
    expect(deadlineBadges(OPEN, '2026-04-20')).toEqual([]);
  });

  it('warns within the reminder period and on the due date', () => {
    expect(deadlineBadges(OPEN, '2026-04-26').map((b) => b.label)).toEqual(['期限まであと5日']);
    expect(deadlineBadges(OPEN, '2026-04-30').map((b) => b.label)).toEqual(['期限まであと1日']);
    expect(deadlineBadges(OPEN, '2026-05-01').map((b) => b.label)).toEqual(['本日が期限']);
  });

  it('shows an undecided request past its due date, or marked so by the server, as overdue', () => {
    expect(deadlineBadges(OPEN, '2026-05-02')).toEqual([{ label: '期限超過', className: 'badge badge-overdue' }]);
    expect(deadlineBadges({ ...OPEN, overdue: true }, '2026-04-01').map((b) => b.label)).toEqual(['期限超過']);
  });

  it('shows no deadline for a decided request, but still that it was extended', () => {
    expect(deadlineBadges({ ...OPEN, open: false, extended: true }, '2026-06-30').map((b) => b.label)).toEqual([
      '延長',
    ]);
    expect(deadlineBadges({ ...OPEN, extended: true }, '2026-04-28').map((b) => b.label)).toEqual([
      '期限まであと3日',
      '延長',
    ]);
  });
});
