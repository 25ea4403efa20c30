import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import type { FieldErrors } from '../../../lib/api';
import type { Permission, Role } from '../../../lib/auth/session';
import { PERMISSION_LABELS, ROLE_LABELS } from '../../../lib/auth/roles';
import { readTypedDates } from '../../../lib/wareki';
import {
  changeAccess,
  createAccount,
  setTemporaryPassword,
  type Account,
  type AccountAccess,
  departmentsQuery,
} from '../api';

const ROLES = Object.keys(ROLE_LABELS) as Role[];
const PERMISSIONS = Object.keys(PERMISSION_LABELS) as Permission[];

/** The page's action: runs the work, shows the outcome, and resolves to whether it succeeded. */
type Run = (work: () => Promise<unknown>, done: string) => Promise<boolean>;

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((held) => held !== item) : [...list, item];
}

function AccessFields({
  id,
  access,
  fields,
  onChange,
}: {
  id: string;
  access: AccountAccess;
  fields: FieldErrors;
  onChange: (access: AccountAccess) => void;
}) {
  const departments = useQuery(departmentsQuery());
  return (
    <>
      <TextField
        id={`${id}-name`}
        label="氏名"
        required
        value={access.displayName}
        error={fields.displayName}
        onChange={(displayName) => onChange({ ...access, displayName })}
      />
      <SelectField
        id={`${id}-department`}
        label="部署"
        required
        value={access.departmentCode}
        error={fields.departmentCode}
        options={(departments.data ?? []).map((department) => ({
          value: department.code,
          label: department.affair ? department.name : `${department.name}（予防接種事務の担当外）`,
        }))}
        onChange={(departmentCode) => onChange({ ...access, departmentCode })}
      />
      <fieldset>
        <legend>役割{fields.roles && <span className="field-error">　{fields.roles}</span>}</legend>
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
export function NewAccountForm({
  run,
  refuse,
  fields,
  busy,
}: {
  run: Run;
  refuse: (fields: FieldErrors) => void;
  fields: FieldErrors;
  busy: boolean;
}) {
  const [username, setUsername] = useState('');
  const [access, setAccess] = useState<AccountAccess>({
    displayName: '',
    departmentCode: '',
    roles: [],
    permissions: [],
  });
  const [validUntil, setValidUntil] = useState('');
  const [temporaryPassword, setTemporary] = useState('');
  return (
    <form
      className="entry-form"
      data-testid="new-account"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        const read = readTypedDates({ validUntil });
        if (!read.ok) {
          refuse(read.unreadable);
          return;
        }
        void run(
          () =>
            createAccount({
              username,
              ...access,
              validFrom: null,
              validUntil: read.dates.validUntil,
              temporaryPassword,
            }),
          `アカウント「${username}」を作成しました。初回ログインで仮パスワードの変更が求められます。`,
        );
      }}
    >
      <TextField
        id="new-account-username"
        label="ユーザーID（英小文字・数字）"
        required
        value={username}
        error={fields.username}
        onChange={setUsername}
      />
      <AccessFields id="new-account" access={access} fields={fields} onChange={setAccess} />
      <JapaneseDateField
        id="new-account-valid-until"
        label="有効期間の終了日（任意）"
        value={validUntil}
        error={fields.validUntil}
        onChange={setValidUntil}
      />
      <TextField
        id="new-account-password"
        label="仮パスワード（本人に別途伝えてください）"
        type="password"
        autoComplete="new-password"
        required
        value={temporaryPassword}
        error={fields.temporaryPassword}
        onChange={setTemporary}
      />
      <button type="submit" className="primary" disabled={busy}>
        作成
      </button>
    </form>
  );
}

/** Department, roles and permissions of one account, and a temporary password for a user who forgot theirs. */
export function AccountAccessForm({
  account,
  run,
  fields,
  busy,
  onClose,
}: {
  account: Account;
  run: Run;
  fields: FieldErrors;
  busy: boolean;
  onClose: () => void;
}) {
  const [access, setAccess] = useState<AccountAccess>({
    displayName: account.displayName,
    departmentCode: account.departmentCode,
    roles: account.roles,
    permissions: account.permissions as Permission[],
  });
  const [temporaryPassword, setTemporary] = useState('');
  return (
    <section className="case-section" data-testid="account-access">
      <h2>{account.username} の権限</h2>
      <form
        className="entry-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void run(
            () => changeAccess(account.username, access, account.accessVersion),
            `「${account.username}」の権限を変更しました。ログイン中のセッションは終了しています。`,
          );
        }}
      >
        <AccessFields id="account-access" access={access} fields={fields} onChange={setAccess} />
        <button type="submit" className="primary" disabled={busy}>
          権限を保存
        </button>
        <button type="button" onClick={onClose}>
          閉じる
        </button>
      </form>
      <form
        className="entry-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void run(
            () => setTemporaryPassword(account.username, temporaryPassword),
            `「${account.username}」に仮パスワードを設定しました。次回ログインで変更が求められます。`,
          );
        }}
      >
        <TextField
          id="account-temporary-password"
          label="仮パスワード（パスワードを忘れた場合）"
          type="password"
          autoComplete="new-password"
          value={temporaryPassword}
          error={fields.temporaryPassword}
          onChange={setTemporary}
        />
        <button type="submit" disabled={busy}>
          仮パスワードを設定
        </button>
      </form>
    </section>
  );
}
