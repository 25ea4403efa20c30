import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { noticeKeys, noticesQuery, subscribeToNotices } from '../api';

/** The header's unread count, kept current by the server's push; links to the list. */
export function NoticeBell() {
  const queryClient = useQueryClient();
  const notices = useQuery(noticesQuery());

  useEffect(
    () =>
      subscribeToNotices(() => {
        void queryClient.invalidateQueries({ queryKey: noticeKeys.all });
        void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      }),
    [queryClient],
  );

  const unread = notices.data?.unread ?? 0;
  return (
    <Link to="/notices" className="notice-bell" data-testid="notice-bell">
      お知らせ
      {unread > 0 && (
        <span className="count" data-testid="notice-count">
          {unread}
          <span className="visually-hidden">件の未読</span>
        </span>
      )}
    </Link>
  );
}
