import { useQuery } from '@tanstack/react-query';
import { ErrorMessage } from '../../../components/Message';
import { formatWarekiDateTime } from '../../../lib/date';
import type { Permission } from '../../../lib/auth/session';
import { PERMISSION_LABELS, ROLE_LABELS } from '../../../lib/auth/roles';
import { accountReviewQuery } from '../api';
import { DataTable } from '../../../components/DataTable';

/** アカウントの棚卸し: roles, permissions, last login and second factor of every account; unused ones stand out. */
export function AccountReviewPanel() {
  const review = useQuery(accountReviewQuery());
  return (
    <section aria-labelledby="account-review-title" data-testid="account-review">
      <h2 id="account-review-title">アカウントの棚卸し</h2>
      <p>
        90日以上ログインのない（または一度もない）有効なアカウントは「未使用」と表示します。異動・退職の確認にお使いください。
      </p>
      {review.error && <ErrorMessage>{review.error.message}</ErrorMessage>}
      {review.data && (
        <DataTable columns={['ユーザーID', '氏名', '役割', '権限', '状態', '最終ログイン', '認証アプリ']}>
          {review.data.map(({ account, unused, daysSinceLastLogin }) => (
            <tr key={account.username} data-testid={`review-${account.username}`}>
              <td>{account.username}</td>
              <td>{account.displayName}</td>
              <td>{account.roles.map((role) => ROLE_LABELS[role as keyof typeof ROLE_LABELS] ?? role).join('・')}</td>
              <td>
                {account.permissions
                  .map((permission) => PERMISSION_LABELS[permission as Permission] ?? permission)
                  .join('、') || '—'}
              </td>
              <td>
                {!account.enabled ? (
                  '利用停止'
                ) : unused ? (
                  <span className="badge badge-overdue">未使用</span>
                ) : (
                  '利用中'
                )}
              </td>
              <td>
                {account.lastLoginAt
                  ? `${formatWarekiDateTime(account.lastLoginAt)}（${daysSinceLastLogin ?? 0}日前）`
                  : 'なし'}
              </td>
              <td>{account.secondFactorEnrolled ? '登録済み' : '未登録'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
