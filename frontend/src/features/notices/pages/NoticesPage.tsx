import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { QueryResult } from '../../../components/QueryResult';
import { formatWarekiDateTime } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { markNoticesRead, NOTICE_KINDS, noticesQuery } from '../api';
import { MailNotices } from '../components/MailNotices';

/** What needs the user: steps given to them, cases sent back, new work and approvals in their groups. */
export function NoticesPage() {
  const notices = useQuery(noticesQuery());
  const action = useAction();
  return (
    <section>
      <div className="page-heading">
        <h1 tabIndex={-1}>お知らせ</h1>
        <button type="button" data-testid="notices-read" onClick={() => void action.run(markNoticesRead)}>
          すべて既読にする
        </button>
      </div>
      <QueryResult query={notices}>
        {(summary) => (
          <>
            <ul className="notice-summary" data-testid="notice-summary">
              <li>
                <Link to="/tasks?view=group">グループの新しいタスク {summary.newWork}件</Link>
              </li>
              <li>
                <Link to="/tasks?view=group&group=supervisor">新しい承認待ち {summary.newApprovals}件</Link>
              </li>
            </ul>
            {summary.notices.length === 0 ? (
              <p className="empty">お知らせはありません。</p>
            ) : (
              <ul className="notices">
                {summary.notices.map((notice) => (
                  <li key={notice.id} className={notice.read ? 'notice-read' : 'notice-unread'} data-testid="notice">
                    <span className="badge">{NOTICE_KINDS[notice.kind]}</span>{' '}
                    {notice.taskId ? <Link to={`/tasks/${notice.taskId}`}>{notice.message}</Link> : notice.message}{' '}
                    <span className="note-meta">{formatWarekiDateTime(notice.created)}</span>
                    {!notice.read && <span className="visually-hidden">（未読）</span>}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryResult>
      <MailNotices />
    </section>
  );
}
