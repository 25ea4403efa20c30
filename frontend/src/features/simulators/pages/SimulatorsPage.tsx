import { FailurePanel } from '../components/FailurePanel';
import { IntermediateServerLogPanel } from '../components/IntermediateServerLogPanel';
import { PittariApplicationPanel } from '../components/PittariApplicationPanel';
import { ProvisionRequestPanel } from '../components/ProvisionRequestPanel';

/** Stand-ins for the national systems, so the office's flows can be shown and tested without them. */
export function SimulatorsPage() {
  return (
    <section>
      <h1>シミュレーター</h1>
      <div className="simulator-warning" role="note" data-testid="simulator-warning">
        これは外部システムのシミュレーターです。本番環境では使用しません。
      </div>
      <ProvisionRequestPanel />
      <PittariApplicationPanel />
      <FailurePanel />
      <IntermediateServerLogPanel />
    </section>
  );
}
