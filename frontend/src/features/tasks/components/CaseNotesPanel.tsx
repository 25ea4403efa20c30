import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage } from '../../../components/Message';
import { formatWarekiDateTime } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { addNote, notesQuery, taskKeys } from '../api';

/** Notes on the case: added, never changed; each shows who wrote it and when. */
export function CaseNotesPanel({ processKey, caseId }: { processKey: string; caseId: string }) {
  const notes = useQuery(notesQuery(processKey, caseId));
  const [body, setBody] = useState('');
  const action = useAction({ invalidates: [taskKeys.notes(processKey, caseId)] });

  async function submit() {
    if (await action.run(() => addNote(processKey, caseId, body))) {
      setBody('');
    }
  }

  return (
    <section className="case-notes" aria-labelledby="notes-title" data-testid="case-notes">
      <h2 id="notes-title">メモ</h2>
      {(notes.data ?? []).length === 0 ? (
        <p className="empty">メモはまだありません。</p>
      ) : (
        <ol className="notes">
          {(notes.data ?? []).map((note) => (
            <li key={note.id} data-testid="case-note">
              <p className="note-meta">
                {note.authorName}・{formatWarekiDateTime(note.created)}
              </p>
              <p className="note-body">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <div className="field field-wide">
        <label htmlFor="note-body">メモを追加（追加後は変更できません）</label>
        <textarea
          id="note-body"
          data-testid="note-body"
          value={body}
          maxLength={2000}
          rows={3}
          aria-invalid={Boolean(action.fields.body)}
          onChange={(event) => setBody(event.target.value)}
        />
      </div>
      <button type="button" onClick={() => void submit()} disabled={action.busy || body.trim() === ''}>
        メモを追加
      </button>
      {action.error && <ErrorMessage>{action.fields.body ?? action.error}</ErrorMessage>}
    </section>
  );
}
