import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/DataTable';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { ErrorMessage, Notice } from '../../../components/Message';
import { QueryResult } from '../../../components/QueryResult';
import { TextField } from '../../../components/TextField';
import { useMe } from '../../../lib/auth/AuthProvider';
import { canApprove } from '../../../lib/auth/roles';
import { formatWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { parseJapaneseDate } from '../../../lib/wareki';
import { absencesQuery, recordAbsence, withdrawAbsence } from '../api';

/** Absences of the department with stand-ins: each user marks their own, a supervisor anyone's of the department. */
export function AbsencesPage() {
  const me = useMe();
  const absences = useQuery(absencesQuery());
  const [username, setUsername] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [standIn, setStandIn] = useState('');
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const from = parseJapaneseDate(startsOn);
    const to = parseJapaneseDate(endsOn);
    if (!from || !to) {
      action.refuse({
        ...(from ? {} : { startsOn: '日付を正しく入力してください' }),
        ...(to ? {} : { endsOn: '日付を正しく入力してください' }),
      });
      return;
    }
    if (
      await action.run(() => recordAbsence({ username, startsOn: from, endsOn: to, standIn }), '不在を登録しました。')
    ) {
      setStartsOn('');
      setEndsOn('');
      setStandIn('');
    }
  }

  return (
    <section>
      <div className="page-heading">
        <h1 tabIndex={-1}>不在と代理</h1>
      </div>
      <p>不在の期間と代理の職員を登録すると、上長のタスク一覧に表示され、担当の割り当ての参考になります。</p>
      <form className="form-grid" onSubmit={(event) => void submit(event)} data-testid="absence-form">
        {canApprove(me) && (
          <TextField
            id="absence-username"
            label="不在の職員（ユーザーID、空欄は自分）"
            value={username}
            onChange={setUsername}
            error={action.fields.username}
          />
        )}
        <JapaneseDateField
          id="absence-from"
          label="開始日"
          value={startsOn}
          onChange={setStartsOn}
          error={action.fields.startsOn}
          required
        />
        <JapaneseDateField
          id="absence-to"
          label="終了日"
          value={endsOn}
          onChange={setEndsOn}
          error={action.fields.endsOn}
          required
        />
        <TextField
          id="absence-stand-in"
          label="代理の職員（ユーザーID）"
          value={standIn}
          onChange={setStandIn}
          error={action.fields.standIn}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={action.busy}>
            不在を登録
          </button>
        </div>
      </form>
      {action.message && <Notice>{action.message}</Notice>}
      {action.error && <ErrorMessage>{action.error}</ErrorMessage>}
      <h2>部署の不在</h2>
      <QueryResult query={absences}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="empty">登録された不在はありません。</p>
          ) : (
            <DataTable columns={['職員', '期間', '代理', '操作']}>
              {rows.map((absence) => (
                <tr key={absence.id} data-testid="absence-row">
                  <td>{absence.displayName}</td>
                  <td>
                    {formatWarekiDate(absence.startsOn)}〜{formatWarekiDate(absence.endsOn)}
                  </td>
                  <td>{absence.standInName ?? '—'}</td>
                  <td>
                    {(absence.username === me.username || canApprove(me)) && (
                      <button
                        type="button"
                        aria-label={`${absence.displayName}さんの不在を取り消す`}
                        onClick={() => void action.run(() => withdrawAbsence(absence.id), '不在を取り消しました。')}
                      >
                        取り消す
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </QueryResult>
    </section>
  );
}
