import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { parseJapaneseDate } from '../../../lib/wareki';
import { processNamesQuery, type TaskCriteria } from '../api';

interface TaskFiltersProps {
  criteria: TaskCriteria;
  /** Candidate groups the user works for, offered as a filter. */
  groups: string[];
  onApply: (criteria: TaskCriteria) => void;
}

type DateKey = 'createdFrom' | 'createdTo' | 'dueFrom' | 'dueTo';

const DATE_FIELDS: { key: DateKey; label: string }[] = [
  { key: 'createdFrom', label: '作成日（から）' },
  { key: 'createdTo', label: '作成日（まで）' },
  { key: 'dueFrom', label: '期限（から）' },
  { key: 'dueTo', label: '期限（まで）' },
];

const GROUP_LABELS: Record<string, string> = { staff: '担当職員', supervisor: '上長' };

/** The list's filters: process, due state, group, date ranges (和暦 or 西暦), a resident, and the order. */
export function TaskFilters({ criteria, groups, onApply }: TaskFiltersProps) {
  const processes = useQuery(processNamesQuery());
  const [draft, setDraft] = useState<TaskCriteria>(criteria);
  const [dates, setDates] = useState<Record<DateKey, string>>({
    createdFrom: criteria.createdFrom ?? '',
    createdTo: criteria.createdTo ?? '',
    dueFrom: criteria.dueFrom ?? '',
    dueTo: criteria.dueTo ?? '',
  });
  const [dateErrors, setDateErrors] = useState<Partial<Record<DateKey, string>>>({});

  function set<K extends keyof TaskCriteria>(key: K, value: TaskCriteria[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: TaskCriteria = { ...draft };
    const errors: Partial<Record<DateKey, string>> = {};
    for (const { key } of DATE_FIELDS) {
      const typed = dates[key].trim();
      const parsed = typed === '' ? null : parseJapaneseDate(typed);
      if (typed !== '' && !parsed) {
        errors[key] = '日付を正しく入力してください（例: 令和8年4月1日）';
      }
      next[key] = parsed ?? undefined;
    }
    setDateErrors(errors);
    if (Object.keys(errors).length === 0) {
      onApply(next);
    }
  }

  return (
    <form className="task-filters" onSubmit={submit} aria-label="タスクの絞り込み" data-testid="task-filters">
      <TextField
        id="filter-resident"
        label="住民（宛名番号・氏名の一部）"
        value={draft.resident ?? ''}
        onChange={(value) => set('resident', value)}
        hint="検索した住民は監査ログに記録されます"
        maxLength={40}
      />
      <SelectField
        id="filter-process"
        label="業務"
        value={draft.processKey ?? ''}
        placeholder="すべて"
        options={(processes.data ?? []).map((process) => ({ value: process.key, label: process.name }))}
        onChange={(value) => set('processKey', value)}
      />
      <SelectField
        id="filter-due"
        label="期限の状態"
        value={draft.due ?? ''}
        placeholder="すべて"
        options={[
          { value: 'overdue', label: '期限超過' },
          { value: 'soon', label: '期限間近（翌開庁日まで）' },
        ]}
        onChange={(value) => set('due', value as TaskCriteria['due'])}
      />
      <SelectField
        id="filter-group"
        label="担当グループ"
        value={draft.group ?? ''}
        placeholder="すべて"
        options={groups.map((group) => ({ value: group, label: GROUP_LABELS[group] ?? group }))}
        onChange={(value) => set('group', value)}
      />
      {DATE_FIELDS.map(({ key, label }) => (
        <JapaneseDateField
          key={key}
          id={`filter-${key}`}
          label={label}
          value={dates[key]}
          error={dateErrors[key]}
          onChange={(value) => setDates((current) => ({ ...current, [key]: value }))}
        />
      ))}
      <SelectField
        id="filter-sort"
        label="並べ替え"
        value={draft.sort ?? ''}
        placeholder={null}
        options={[
          { value: '', label: '作成日時' },
          { value: 'due', label: '期限' },
          { value: 'process', label: '業務' },
        ]}
        onChange={(value) => set('sort', value as TaskCriteria['sort'])}
      />
      <SelectField
        id="filter-direction"
        label="順序"
        value={draft.direction ?? ''}
        placeholder={null}
        options={[
          { value: '', label: '古い順・早い順' },
          { value: 'desc', label: '新しい順・遅い順' },
        ]}
        onChange={(value) => set('direction', value as TaskCriteria['direction'])}
      />
      <div className="actions">
        <button type="submit" className="primary" data-testid="filter-apply">
          絞り込む
        </button>
        <button
          type="button"
          onClick={() => {
            const cleared: TaskCriteria = { view: criteria.view };
            setDraft(cleared);
            setDates({ createdFrom: '', createdTo: '', dueFrom: '', dueTo: '' });
            setDateErrors({});
            onApply(cleared);
          }}
        >
          条件をクリア
        </button>
      </div>
    </form>
  );
}
