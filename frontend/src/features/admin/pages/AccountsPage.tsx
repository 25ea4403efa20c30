import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { ErrorMessage, Loading, Notice } from '../../../components/Message';
import { formatWarekiDate, formatWarekiDateTime, typedWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { readTypedDates } from '../../../lib/wareki';
import { ROLE_LABELS } from '../../../lib/auth/roles';
import { changeAccount, setValidity, type Account, type AccountAction, accountsQuery } from '../api';
import { AccountAccessForm, NewAccountForm } from '../components/AccountForms';

const ACTION_LABELS: Record<AccountAction, string> = {
  unlock: 'ロック解除',
  disable: '利用停止',
  enable: '利用再開',
  'second-factor/reset': '認証アプリをリセット',
};

const ACTION_DONE: Record<AccountAction, string> = {
  unlock: 'ロックを解除しました。',
  disable: '利用を停止しました。このアカウントのセッションはすべて終了しています。',
  enable: '利用を再開しました。',
  'second-factor/reset':
    '認証アプリの登録をリセットしました。このアカウントのセッションはすべて終了し、次回ログイン時に認証アプリを登録し直します。',
};

/** The action's test id: `account-unlock-staff1`, `account-second-factor-reset-staff1`. */
function actionTestId(action: AccountAction, username: string): string {
  return `account-${action.replace('/', '-')}-${username}`;
}

function state(account: Account): string {
  if (!account.enabled) {
    return '利用停止';
  }
  if (account.lockedUntil) {
    return `ロック中（${formatWarekiDateTime(account.lockedUntil)}まで）`;
  }
  return account.usable ? '利用可' : '有効期間外';
}

function actionsFor(account: Account): AccountAction[] {
  const actions: AccountAction[] = account.lockedUntil ? ['unlock'] : [];
  actions.push(account.enabled ? 'disable' : 'enable');
  if (account.secondFactorEnrolled) {
    actions.push('second-factor/reset');
  }
  return actions;
}

/**
 * Accounts: lockout (R08), validity period and immediate disabling that ends every session (R09), and the reset of the
 * second factor when a user's phone is lost or replaced (R07).
 */
export function AccountsPage() {
  const accounts = useQuery(accountsQuery());
  const action = useAction();
  const { message, error } = action;
  const [editing, setEditing] = useState<{ username: string; from: string; until: string } | null>(null);
  const [accessOf, setAccessOf] = useState<Account | null>(null);

  async function run(work: () => Promise<unknown>, done: string): Promise<boolean> {
    const succeeded = await action.run(work, done);
    if (succeeded) {
      setEditing(null);
      setAccessOf(null);
    }
    return succeeded;
  }

  return (
    <section>
      <h1>アカウント管理</h1>
      <p>
        ログインに続けて失敗したアカウントはロックされます。異動・退職の際は利用停止にすると、ログイン中のセッションもすべて終了します。有効期間を過ぎたアカウントは自動的に利用停止になります。スマートフォンの紛失・機種変更の際は認証アプリをリセットすると、次回ログイン時に登録し直します。
      </p>
      {message && <Notice>{message}</Notice>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {accounts.isPending && <Loading />}
      {accounts.error && <ErrorMessage>{accounts.error.message}</ErrorMessage>}
      {accounts.data && (
        <table className="data-table" data-testid="account-table">
          <thead>
            <tr>
              <th scope="col">ユーザーID</th>
              <th scope="col">氏名</th>
              <th scope="col">役割</th>
              <th scope="col">状態</th>
              <th scope="col">有効期間</th>
              <th scope="col">最終ログイン</th>
              <th scope="col">認証アプリ</th>
              <th scope="col">
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.map((account) => (
              <tr key={account.username} data-testid={`account-${account.username}`}>
                <td>{account.username}</td>
                <td>{account.displayName}</td>
                <td>{account.roles.map((role) => ROLE_LABELS[role as keyof typeof ROLE_LABELS] ?? role).join('・')}</td>
                <td>{state(account)}</td>
                <td>
                  {editing?.username === account.username ? (
                    <form
                      className="inline-form"
                      onSubmit={(event) => {
                        event.preventDefault();
                        const read = readTypedDates({ validFrom: editing.from, validUntil: editing.until });
                        if (!read.ok) {
                          action.refuse(read.unreadable);
                          return;
                        }
                        void run(
                          () => setValidity(account.username, read.dates.validFrom ?? '', read.dates.validUntil ?? ''),
                          '有効期間を変更しました。',
                        );
                      }}
                    >
                      <JapaneseDateField
                        id={`validity-from-${account.username}`}
                        label="開始"
                        value={editing.from}
                        error={action.fields.validFrom}
                        onChange={(from) => setEditing({ ...editing, from })}
                      />
                      <JapaneseDateField
                        id={`validity-until-${account.username}`}
                        label="終了"
                        value={editing.until}
                        error={action.fields.validUntil}
                        onChange={(until) => setEditing({ ...editing, until })}
                      />
                      <button type="submit" className="primary">
                        保存
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        取消
                      </button>
                    </form>
                  ) : (
                    <>
                      {account.validFrom || account.validUntil
                        ? `${formatWarekiDate(account.validFrom) || '—'} 〜 ${formatWarekiDate(account.validUntil) || '—'}`
                        : '定めなし'}{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          setEditing({
                            username: account.username,
                            from: typedWarekiDate(account.validFrom),
                            until: typedWarekiDate(account.validUntil),
                          })
                        }
                      >
                        変更
                        <ForAccount account={account} />
                      </button>
                    </>
                  )}
                </td>
                <td>{account.lastLoginAt ? formatWarekiDateTime(account.lastLoginAt) : '—'}</td>
                <td>{account.secondFactorEnrolled ? '登録済み' : '未登録'}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    data-testid={`account-access-${account.username}`}
                    onClick={() => setAccessOf(account)}
                  >
                    権限
                    <ForAccount account={account} />
                  </button>
                  {actionsFor(account).map((action) => (
                    <button
                      key={action}
                      type="button"
                      data-testid={actionTestId(action, account.username)}
                      onClick={() => void run(() => changeAccount(account.username, action), ACTION_DONE[action])}
                    >
                      {ACTION_LABELS[action]}
                      <ForAccount account={account} />
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {accessOf && (
        <AccountAccessForm
          key={`${accessOf.username}-${accessOf.accessVersion}`}
          account={accessOf}
          run={run}
          fields={action.fields}
          busy={action.busy}
          onClose={() => setAccessOf(null)}
        />
      )}
      <details className="case-section">
        <summary>アカウントの作成</summary>
        <NewAccountForm run={run} refuse={action.refuse} fields={action.fields} busy={action.busy} />
      </details>
    </section>
  );
}

/** Screen readers hear which account a row's button acts on (「変更（山田 花子）」); the row shows it to the eye. */
function ForAccount({ account }: { account: Account }) {
  return <span className="visually-hidden">（{account.displayName || account.username}）</span>;
}
