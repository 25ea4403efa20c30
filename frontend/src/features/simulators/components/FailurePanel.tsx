import { useState, type FormEvent } from 'react';
import { ErrorMessage, Notice } from '../../../components/Message';
import { useAction } from '../../../lib/useAction';
import { failNextSends, SIMULATED_SYSTEM_LABELS, type SimulatedSystem } from '../api';

const MAX_FAILURES = 10;

const SYSTEMS: SimulatedSystem[] = ['intermediate-server', 'resident-network', 'city-linkage'];

/** Makes an external system fail on purpose, to show retries and the incident list working. */
export function FailurePanel() {
  return (
    <section className="simulator-panel" aria-labelledby="failure-title">
      <h2 id="failure-title">障害を起こす</h2>
      <p>指定した回数だけ、次の送信を接続エラーにします。0回にすると正常に戻ります。</p>
      {SYSTEMS.map((system) => (
        <FailureControl key={system} system={system} />
      ))}
    </section>
  );
}

function FailureControl({ system }: { system: SimulatedSystem }) {
  const label = SIMULATED_SYSTEM_LABELS[system];
  const [count, setCount] = useState('0');
  const { run, message, error, busy } = useAction();

  async function apply(event: FormEvent) {
    event.preventDefault();
    const failures = Number(count);
    await run(
      () => failNextSends(system, failures),
      failures === 0 ? `${label}は次の送信から正常に応答します。` : `${label}への次の送信を${failures}回失敗させます。`,
    );
  }

  return (
    <div className="failure-control">
      <h3>{label}</h3>
      <form className="entry-form" onSubmit={(event) => void apply(event)}>
        <div className="field">
          <label htmlFor={`failures-${system}`}>次の送信を失敗させる回数</label>
          <input
            id={`failures-${system}`}
            data-testid={`failures-${system}`}
            type="number"
            min={0}
            max={MAX_FAILURES}
            step={1}
            required
            value={count}
            onChange={(event) => setCount(event.target.value)}
          />
        </div>
        <button type="submit" data-testid={`failures-${system}-button`} disabled={busy}>
          設定
        </button>
      </form>
      {message && <Notice testId={`failures-${system}-result`}>{message}</Notice>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
