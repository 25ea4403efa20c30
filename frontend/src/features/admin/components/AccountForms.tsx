import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorMessage } from '../../../components/Message';
import type { FieldErrors } from '../../../lib/api';
import { asApiError, useAsync } from '../../../lib/useAsync';
import type { Permission, Role } from '../../auth/api';
import { ROLE_LABELS } from '../../auth/roles';
import {
  changeAccess,
  createAccount,
  fetchDepartments,
  PERMISSION_LABELS,
  setTemporaryPassword,
  type Account,
  type AccountAccess,
} from '../api';

const ROLES = Object.keys(ROLE_LABELS) as Role[];
const PERMISSIONS = Object.keys(PERMISSION_LABELS) as Permission[];

/** Submits once at a time and shows the server's message and field errors; `onDone` gets the success message. */
function useSubmission(onDone: (message: string) => void) {
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  async function submit(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await work();
      onDone(done);
    } catch (failure) {
      const apiError = asApiError(failure);
      setError(apiError.message);
      setFields(apiError.fields);
    } finally {
      setBusy(false);
    }
  }
  const problems: ReactNode = error && (
    <ErrorMessage>
      {error}
      {Object.values(fields).length > 0 && (
        <ul>
          {Object.entries(fields).map(([field, message]) => (
            <li key={field}>{message}</li>
          ))}
        </ul>
      )}
    </ErrorMessage>
  );
  return { submit, busy, problems };
}

function AccessFields({ access, onChange }: { access: AccountAccess; onChange: (access: AccountAccess) => void }) {
  const departments = useAsync(fetchDepartments, []);
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((held) => held !== item) : [...list, item]);
  return (
    <>
      <label>
        氏名
        <input value={access.displayName} onChange={(event) => onChange({ ...access, displayName: event.target.value })} />
      </label>
      <label>
        部署
        <select value={access.departmentCode} onChange={(event) => onChange({ ...access, departmentCode: event.target.value })}>
          <option value="">選んでください</option>
          {departments.data?.map((department) => (
            <option key={department.code} value={department.code}>
              {department.name}
              {department.affair ? '' : '（予防接種事務の担当外）'}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>役割</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              checked={access.roles.includes(role)}
              onChange={() => onChange({ ...access, roles: toggle(access.roles, role) })}
            />
            {ROLE_LABELS[role]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>権限（部署で認められている場合にだけ有効）</legend>
        {PERMISSIONS.map((permission) => (
          <label key={permission} className="checkbox">
            <input
              type="checkbox"
              checked={access.permissions.includes(permission)}
              onChange={() => onChange({ ...access, permissions: toggle(access.permissions, permission) })}
            />
            {PERMISSION_LABELS[permission]}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** A personal account with a temporary password, which the user must replace at the first login (R08). */
export function NewAccountForm({ onDone }: { onDone: (message: string) => void }) {
  const [username, setUsername] = useState('');
  const [access, setAccess] = useState<AccountAccess>({ displayName: '', departmentCode: '', roles: [], permissions: [] });
  const [validUntil, setValidUntil] = useState('');
  const [temporaryPassword, setTemporary] = useState('');
  const { submit, busy, problems } = useSubmission(onDone);
  return (
    <form
      className="stacked-form"
      data-testid="new-account"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit(
          () => createAccount({ username, ...access, validFrom: null, validUntil: validUntil || null, temporaryPassword }),
          `アカウント「${username}」を作成しました。初回ログインで仮パスワードの変更が求められます。`,
        );
      }}
    >
      {problems}
      <label>
        ユーザーID（英小文字・数字）
        <input value={username} onChange={(event) => setUsername(event.target.value)} />
      </label>
      <AccessFields access={access} onChange={setAccess} />
      <label>
        有効期間の終了日（任意）
        <input type="date" value={validUntil} onChange={(event) => setValidUntil(event.target.value)} />
      </label>
      <label>
        仮パスワード（本人に別途伝えてください）
        <input type="password" autoComplete="new-password" value={temporaryPassword} onChange={(event) => setTemporary(event.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        作成
      </button>
    </form>
  );
}

/** Department, roles and permissions of one account, and a temporary password for a user who forgot theirs. */
export function AccountAccessForm({ account, onDone, onClose }: { account: Account; onDone: (message: string) => void; onClose: () => void }) {
  const [access, setAccess] = useState<AccountAccess>({
    displayName: account.displayName,
    departmentCode: account.departmentCode,
    roles: account.roles,
    permissions: account.permissions as Permission[],
  });
  const [temporaryPassword, setTemporary] = useState('');
  const { submit, busy, problems } = useSubmission(onDone);
  return (
    <section className="stacked-form" data-testid="account-access">
      <h2>{account.username} の権限</h2>
      {problems}
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit(
            () => changeAccess(account.username, access, account.accessVersion),
            `「${account.username}」の権限を変更しました。ログイン中のセッションは終了しています。`,
          );
        }}
      >
        <AccessFields access={access} onChange={setAccess} />
        <button type="submit" className="primary" disabled={busy}>
          権限を保存
        </button>
        <button type="button" onClick={onClose}>
          閉じる
        </button>
      </form>
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit(
            () => setTemporaryPassword(account.username, temporaryPassword),
            `「${account.username}」に仮パスワードを設定しました。次回ログインで変更が求められます。`,
          );
        }}
      >
        <label>
          仮パスワード（パスワードを忘れた場合）
          <input type="password" autoComplete="new-password" value={temporaryPassword} onChange={(event) => setTemporary(event.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          仮パスワードを設定
        </button>
      </form>
    </section>
  );
}
