import { describeDeletions, type RetentionRun } from './api';

const run = (deletions: RetentionRun['deletions']): RetentionRun => ({
  id: 1,
  startedAt: '2026-11-25T18:30:00Z',
  finishedAt: '2026-11-25T18:30:05Z',
  asOf: '2026-11-26',
  deleted: deletions.reduce((sum, deletion) => sum + deletion.deleted, 0),
  failed: [],
  deletions,
});

describe('describeDeletions', () => {
  it('sums the deletions of one run by kind, in Japanese, in the order they ran', () => {
    expect(
      describeDeletions(
        run([
          { kind: 'DOSE_RECORD', deleted: 1200, ids: [], ranAt: '2026-11-25T18:30:01Z' },
          { kind: 'PROVISION_RECORD', deleted: 1, ids: [9], ranAt: '2026-11-25T18:30:02Z' },
          { kind: 'DOSE_RECORD', deleted: 3, ids: [], ranAt: '2026-11-25T18:30:03Z' },
          { kind: 'SOMETHING_NEW', deleted: 2, ids: [], ranAt: '2026-11-25T18:30:04Z' },
        ]),
      ),
    ).toBe('接種記録（転出・死亡から保存期間経過） 1,203件、情報提供等記録（7年経過） 1件、SOMETHING_NEW 2件');
  });

  it('says なし for a run that deleted nothing', () => {
    expect(describeDeletions(run([]))).toBe('なし');
  });
});
