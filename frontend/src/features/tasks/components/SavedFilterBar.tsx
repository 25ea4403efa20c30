import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage, Notice } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import { deleteFilter, saveFilter, savedFiltersQuery, taskKeys, type SavedFilter, type TaskCriteria } from '../api';

interface SavedFilterBarProps {
  criteria: TaskCriteria;
  /** Supervisors keep a shared set for their department. */
  canShare: boolean;
  onApply: (criteria: Record<string, string>) => void;
}

/** The criteria worth keeping: never a resident searched for (it would keep personal data). */
export function savableCriteria(criteria: TaskCriteria): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(criteria)) {
    if (value && key !== 'resident') {
      kept[key] = String(value);
    }
  }
  return kept;
}

/** Saved filters: the user's own and the department's, applied with one click; the current criteria saved by name. */
export function SavedFilterBar({ criteria, canShare, onApply }: SavedFilterBarProps) {
  const filters = useQuery(savedFiltersQuery());
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const action = useAction<unknown>({ invalidates: [taskKeys.filters()] });

  async function save() {
    if (await action.run(() => saveFilter(name, shared, savableCriteria(criteria)), `「${name}」を保存しました。`)) {
      setName('');
      setShared(false);
    }
  }

  const own = (filters.data ?? []).filter((filter) => !filter.shared);
  const department = (filters.data ?? []).filter((filter) => filter.shared);
  return (
    <div className="saved-filters" data-testid="saved-filters">
      <FilterGroup title="自分の条件" filters={own} onApply={onApply} canDelete={() => true} action={action} />
      <FilterGroup
        title="部署の条件"
        filters={department}
        onApply={onApply}
        canDelete={() => canShare}
        action={action}
      />
      <div className="save-filter">
        <label htmlFor="filter-name">今の条件を保存</label>
        <input
          id="filter-name"
          data-testid="filter-name"
          value={name}
          maxLength={40}
          placeholder="例: 今日期限"
          onChange={(event) => setName(event.target.value)}
        />
        {canShare && (
          <label className="inline">
            <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
            部署で共有
          </label>
        )}
        <button type="button" onClick={() => void save()} disabled={action.busy || name.trim() === ''}>
          保存
        </button>
      </div>
      {action.message && <Notice>{action.message}</Notice>}
      {action.error && <ErrorMessage>{action.error}</ErrorMessage>}
    </div>
  );
}

function FilterGroup({
  title,
  filters,
  onApply,
  canDelete,
  action,
}: {
  title: string;
  filters: SavedFilter[];
  onApply: (criteria: Record<string, string>) => void;
  canDelete: () => boolean;
  action: ReturnType<typeof useAction<unknown>>;
}) {
  if (filters.length === 0) {
    return null;
  }
  return (
    <div className="filter-group">
      <span className="filter-group-title">{title}</span>
      <ul>
        {filters.map((filter) => (
          <li key={filter.id}>
            <button
              type="button"
              className="link-button"
              data-testid="saved-filter"
              onClick={() => onApply(filter.criteria)}
            >
              {filter.name}
            </button>
            {canDelete() && (
              <button
                type="button"
                className="small"
                aria-label={`保存した条件「${filter.name}」を削除`}
                onClick={() => void action.run(() => deleteFilter(filter.id), `「${filter.name}」を削除しました。`)}
              >
                削除
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
