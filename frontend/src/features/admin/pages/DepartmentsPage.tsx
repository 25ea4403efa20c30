import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage, Loading, Notice } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import type { Permission } from '../../../lib/auth/session';
import { PERMISSION_LABELS } from '../../../lib/auth/roles';
import { changeDepartment, createDepartment, type Department, departmentsQuery } from '../api';

const PERMISSIONS = Object.keys(PERMISSION_LABELS) as Permission[];

/** The department dimension of the permission matrix: which departments do the affair and may hold which functions. */
export function DepartmentsPage() {
  const departments = useQuery(departmentsQuery());
  const { run, message, error } = useAction();

  return (
    <section>
      <h1>部署と権限</h1>
      <p>
        予防接種事務を担当する部署の職員だけが、担当職員・上長として業務と住民情報を扱えます。CSV出力・帳票印刷・個人番号の表示は、
        アカウントに付与され、かつ部署に認められている場合にだけ使えます。変更すると、その部署の職員のセッションは終了し、次のログインから反映されます。
      </p>
      {message && <Notice>{message}</Notice>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {departments.isPending && <Loading />}
      {departments.error && <ErrorMessage>{departments.error.message}</ErrorMessage>}
      {departments.data && (
        <table className="data-table" data-testid="departments">
          <thead>
            <tr>
              <th>部署コード</th>
              <th>部署名</th>
              <th>予防接種事務</th>
              {PERMISSIONS.map((permission) => (
                <th key={permission}>{PERMISSION_LABELS[permission]}</th>
              ))}
              <th>職員数</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {departments.data.map((department) => (
              <DepartmentRow
                key={`${department.code}-${department.version}`}
                department={department}
                onSave={(change) =>
                  run(() => changeDepartment(department.code, change), `「${change.name}」の権限を保存しました。`)
                }
              />
            ))}
          </tbody>
        </table>
      )}
      <NewDepartmentForm
        onCreate={(code, name) => run(() => createDepartment(code, name), `「${name}」を作成しました。`)}
      />
    </section>
  );
}

function DepartmentRow({
  department,
  onSave,
}: {
  department: Department;
  onSave: (change: { name: string; affair: boolean; permissions: Permission[]; version: number }) => void;
}) {
  const [name, setName] = useState(department.name);
  const [affair, setAffair] = useState(department.affair);
  const [permissions, setPermissions] = useState<Permission[]>(department.permissions);
  const toggle = (permission: Permission) =>
    setPermissions((current) =>
      current.includes(permission) ? current.filter((held) => held !== permission) : [...current, permission],
    );
  return (
    <tr data-testid="department-row">
      <td>{department.code}</td>
      <td>
        <input
          aria-label={`${department.code}の部署名`}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={`${department.name}は予防接種事務を担当`}
          checked={affair}
          onChange={(event) => setAffair(event.target.checked)}
        />
      </td>
      {PERMISSIONS.map((permission) => (
        <td key={permission}>
          <input
            type="checkbox"
            aria-label={`${department.name}に${PERMISSION_LABELS[permission]}を認める`}
            checked={permissions.includes(permission)}
            onChange={() => toggle(permission)}
          />
        </td>
      ))}
      <td>{department.members}</td>
      <td>
        <button type="button" onClick={() => onSave({ name, affair, permissions, version: department.version })}>
          保存
        </button>
      </td>
    </tr>
  );
}

function NewDepartmentForm({ onCreate }: { onCreate: (code: string, name: string) => void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onCreate(code.trim(), name.trim());
      }}
    >
      <h2>部署の追加</h2>
      <label>
        部署コード（英小文字・数字）
        <input value={code} onChange={(event) => setCode(event.target.value)} />
      </label>
      <label>
        部署名
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit">追加</button>
      <p className="hint">追加した部署は予防接種事務の担当外・権限なしで始まります。</p>
    </form>
  );
}
