import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { ListPage } from '../../../components/ListPage';
import { formatWarekiDate, formatWarekiDateTime } from '../../../lib/date';
import { ILLNESS_PROCESS_KEY, illnessExceptionsQuery, isOpen } from '../api';
import { VaccineExtensions } from '../components/VaccineExtensions';

/** 長期療養特例: the recorded special cases with their status and each vaccine's last day, newest first. */
export function IllnessExceptionsPage() {
  const navigate = useNavigate();
  const exceptions = useQuery(illnessExceptionsQuery());

  return (
    <ListPage
      title="長期療養特例"
      query={exceptions}
      intro={
        <p>
          長期にわたり療養を必要とする疾病のため定期接種を受けられなかった方は、特別の事情がなくなった日から起算して2年を経過する日まで
          （BCGは4歳、ヒブは10歳、小児肺炎球菌は6歳、四種・五種混合は15歳に達するまで）定期接種として受けられます（予防接種法施行令第1条の3第2項）。
          特例は<Link to={`/processes?start=${ILLNESS_PROCESS_KEY}`}>業務の開始の「長期療養特例」</Link>
          から記録し、記録した職員以外の上長がタスク一覧で承認すると、接種可能範囲と接種記録の検証に反映されます。
        </p>
      }
      empty="記録された特例はありません。"
      columns={['番号', '対象の住民', '特別の事情がなくなった日', '対象のワクチンと期限', '記録', '状態']}
      tableTestId="illness-exception-table"
      row={(exception) => {
        const open = isOpen(exception.status);
        return (
          <tr
            key={exception.id}
            className={open || exception.status === 'IN_FORCE' ? 'clickable' : 'clickable ended'}
            data-testid="illness-exception-row"
            onClick={() => navigate(`/long-term-illness/${exception.id}`)}
          >
            <td>
              <Link to={`/long-term-illness/${exception.id}`} onClick={(event) => event.stopPropagation()}>
                第{exception.id}号
              </Link>
            </td>
            <td>
              {exception.residentName}（{exception.addresseeNumber}）
            </td>
            <td>{formatWarekiDate(exception.illnessTo)}</td>
            <td>
              <VaccineExtensions vaccines={exception.vaccines} />
            </td>
            <td>
              {formatWarekiDateTime(exception.recordedAt)}（{exception.recordedBy}）
            </td>
            <td>
              <span className={open || exception.status === 'IN_FORCE' ? 'badge' : 'badge badge-ended'}>
                {exception.statusLabel}
              </span>
            </td>
          </tr>
        );
      }}
    />
  );
}
