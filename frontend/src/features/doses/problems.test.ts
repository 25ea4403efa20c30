import { fieldsFromProblems, problemsFromFields, problemsFromRow } from './problems';

describe('problems', () => {
  it('splits the API texts ("E030 …", several joined with " / ") into lines with their エラーコード', () => {
    expect(
      problemsFromFields(
        {
          doseDate: 'E030 接種年月日が未来の日付です / E031 接種年月日が生年月日より前です',
          record: '接種記録にない項目が含まれています',
        },
        false,
      ),
    ).toEqual([
      { item: 'doseDate', code: 'E030', message: '接種年月日が未来の日付です', warning: false },
      { item: 'doseDate', code: 'E031', message: '接種年月日が生年月日より前です', warning: false },
      { item: 'record', code: null, message: '接種記録にない項目が含まれています', warning: false },
    ]);
  });

  it('puts the problems of a batch row next to their items, the record-wide ones under "record"', () => {
    const problems = [
      { code: 'E030', item: 'doseDate', message: '接種年月日が未来の日付です', warning: false },
      { code: 'E032', item: 'doseDate', message: '間隔が足りません', warning: true },
      { code: 'E099', item: null, message: '行の形式が正しくありません', warning: false },
    ];

    expect(fieldsFromProblems(problems)).toEqual({
      doseDate: 'E030 接種年月日が未来の日付です / E032 間隔が足りません',
      record: 'E099 行の形式が正しくありません',
    });
    expect(problemsFromRow(problems).map((line) => line.item)).toEqual(['doseDate', 'doseDate', 'record']);
  });
});
