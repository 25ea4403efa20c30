import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { ListPage } from '../../../components/ListPage';
import { formatWarekiDate, formatWarekiDateTime } from '../../../lib/date';
import { OUTSIDE_PROVISION_PROCESS_KEY, isOpen, outsideProvisionsQuery } from '../api';

/** ネットワーク以外による提供 (R13): what was given to whom, by whom confirmed and sent, newest first. */
export function OutsideProvisionsPage() {
  const navigate = useNavigate();
  const provisions = useQuery(outsideProvisionsQuery());

  return (
    <ListPage
      title="ネットワーク以外による提供"
      query={provisions}
      intro={
        <p>
          情報提供ネットワークシステムを通じずに、紙・電子記録媒体・電子メールで他の自治体などへ特定個人情報を提供するときは、
          <Link to={`/processes?start=${OUTSIDE_PROVISION_PROCESS_KEY}`}>
            業務の開始の「ネットワーク以外による提供」
          </Link>
          から何を・誰に・なぜ提供するかを記録します。記録した職員以外の職員が内容と提供先を確認してから送付し、送付した日を記録します。
          確認後の内容と提供先、送付後の記録は変更できません。
        </p>
      }
      empty="記録された提供はありません。"
      columns={['番号', '本人', '提供先', '方法', '記録', '確認', '送付', '状態']}
      tableTestId="outside-provision-table"
      row={(provision) => {
        const open = isOpen(provision.status);
        return (
          <tr
            key={provision.id}
            className={open || provision.status === 'SENT' ? 'clickable' : 'clickable ended'}
            data-testid="outside-provision-row"
            onClick={() => navigate(`/outside-provisions/${provision.id}`)}
          >
            <td>
              <Link to={`/outside-provisions/${provision.id}`} onClick={(event) => event.stopPropagation()}>
                第{provision.id}号
              </Link>
            </td>
            <td>
              {provision.residentName}（{provision.addresseeNumber}）
            </td>
            <td>{provision.recipientName}</td>
            <td>{provision.methodLabel}</td>
            <td>
              {formatWarekiDateTime(provision.recordedAt)}（{provision.recordedBy}）
            </td>
            <td>{provision.confirmedBy ?? '—'}</td>
            <td>{provision.sentOn ? `${formatWarekiDate(provision.sentOn)}（${provision.sentBy ?? ''}）` : '—'}</td>
            <td>
              <span className={open || provision.status === 'SENT' ? 'badge' : 'badge badge-ended'}>
                {provision.statusLabel}
              </span>
            </td>
          </tr>
        );
      }}
    />
  );
}
