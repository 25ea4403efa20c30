import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/DataTable';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { ErrorMessage, Notice } from '../../../components/Message';
import { labelledOptions, SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { formatWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { parseJapaneseDate } from '../../../lib/wareki';
import {
  type BClassQualification,
  endBClassQualification,
  EVIDENCE_LABELS,
  IMPAIRMENT_LABELS,
  recordBClassQualification,
  residentsKeys,
} from '../api';

/**
 * The disability that makes 高齢者インフルエンザ・高齢者肺炎球菌・新型コロナ routine for a 60-64-year-old: staff record it
 * from the 手帳 or doctor's certificate they saw, and end it with the reason when it no longer holds.
 */
export function BClassQualifications({
  residentId,
  qualifications,
}: {
  residentId: string;
  qualifications: BClassQualification[];
}) {
  const [impairment, setImpairment] = useState('');
  const [evidence, setEvidence] = useState('');
  const [seenOn, setSeenOn] = useState('');
  const [endReason, setEndReason] = useState('');
  const action = useAction({ invalidates: [residentsKeys.all] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const evidenceSeenOn = parseJapaneseDate(seenOn);
    if (!evidenceSeenOn) {
      action.refuse({ evidenceSeenOn: '日付を正しく入力してください' });
      return;
    }
    if (
      await action.run(
        () => recordBClassQualification(residentId, { impairment, evidence, evidenceSeenOn }),
        'B類の対象となる障害を記録しました。',
      )
    ) {
      setImpairment('');
      setEvidence('');
      setSeenOn('');
    }
  }

  return (
    <section className="case-section" aria-labelledby="b-class-title" data-testid="b-class-qualifications">
      <h2 id="b-class-title">B類の対象となる障害（60〜64歳）</h2>
      <p>
        心臓・じん臓・呼吸器の機能、またはヒト免疫不全ウイルスによる免疫の機能に1級相当の障害がある方は、
        高齢者インフルエンザ・高齢者肺炎球菌・新型コロナを定期接種として受けられます。
      </p>
      {qualifications.length === 0 ? (
        <p className="empty">記録はありません。</p>
      ) : (
        <DataTable columns={['障害', '確認した書類', '記録', '状態', '操作']}>
          {qualifications.map((qualification) => (
            <tr key={qualification.id} data-testid="b-class-row">
              <td>{qualification.impairmentLabel}</td>
              <td>
                {qualification.evidenceLabel}（{formatWarekiDate(qualification.evidenceSeenOn)}確認）
              </td>
              <td>{qualification.recordedBy}</td>
              <td>
                {qualification.endedOn
                  ? `${formatWarekiDate(qualification.endedOn)}終了（${qualification.endReason}）`
                  : '適用中'}
              </td>
              <td>
                {!qualification.endedOn && (
                  <button
                    type="button"
                    aria-label={`${qualification.impairmentLabel}の記録を終了する`}
                    disabled={action.busy}
                    onClick={() =>
                      void action.run(
                        () => endBClassQualification(residentId, qualification.id, endReason),
                        '記録を終了しました。',
                      )
                    }
                  >
                    終了する
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {qualifications.some((qualification) => !qualification.endedOn) && (
        <TextField
          id="b-class-end-reason"
          label="終了の理由（終了するとき）"
          value={endReason}
          onChange={setEndReason}
          error={action.fields.reason}
        />
      )}
      <form className="form-grid" onSubmit={(event) => void submit(event)} data-testid="b-class-form">
        <SelectField
          id="b-class-impairment"
          label="障害の種類"
          value={impairment}
          options={labelledOptions(IMPAIRMENT_LABELS)}
          onChange={setImpairment}
          error={action.fields.impairment}
          placeholder="選んでください"
          required
        />
        <SelectField
          id="b-class-evidence"
          label="確認した書類"
          value={evidence}
          options={labelledOptions(EVIDENCE_LABELS)}
          onChange={setEvidence}
          error={action.fields.evidence}
          placeholder="選んでください"
          required
        />
        <JapaneseDateField
          id="b-class-seen-on"
          label="書類を確認した日"
          value={seenOn}
          onChange={setSeenOn}
          error={action.fields.evidenceSeenOn}
          required
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={action.busy}>
            記録する
          </button>
        </div>
      </form>
      {action.message && <Notice>{action.message}</Notice>}
      {action.error && <ErrorMessage>{action.error}</ErrorMessage>}
    </section>
  );
}
