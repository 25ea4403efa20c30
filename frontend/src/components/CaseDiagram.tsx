import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { apiRequest } from '../lib/api';
import { formatWarekiDateTime } from '../lib/date';

interface Diagram {
  xml: string;
  current: string[];
  passed: { elementId: string; name: string | null; by: string | null; at: string }[];
}

const diagramQuery = (processKey: string, caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'diagram', processKey, caseId] as const,
    queryFn: () =>
      apiRequest<Diagram>(`/processes/${encodeURIComponent(processKey)}/cases/${encodeURIComponent(caseId)}/diagram`),
  });

/** Draws the BPMN read-only with bpmn-js, loaded only when a diagram is first shown (it is most of the weight). */
async function draw(container: HTMLElement, diagram: Diagram): Promise<() => void> {
  const [{ default: Viewer }] = await Promise.all([
    import('bpmn-js/lib/NavigatedViewer'),
    import('bpmn-js/dist/assets/diagram-js.css'),
    import('bpmn-js/dist/assets/bpmn-js.css'),
  ]);
  const viewer = new Viewer({ container });
  await viewer.importXML(diagram.xml);
  const canvas = viewer.get('canvas') as {
    addMarker: (id: string, marker: string) => void;
    zoom: (level: string) => void;
  };
  const registry = viewer.get('elementRegistry') as { get: (id: string) => unknown };
  const overlays = viewer.get('overlays') as {
    add: (id: string, overlay: { position: { top: number; right: number }; html: HTMLElement }) => void;
  };
  for (const step of diagram.passed) {
    if (registry.get(step.elementId)) {
      canvas.addMarker(step.elementId, 'done-step');
      if (step.by) {
        const badge = document.createElement('span');
        badge.className = 'done-badge';
        badge.textContent = '✓';
        badge.title = `${step.by}（${formatWarekiDateTime(step.at)}）`;
        overlays.add(step.elementId, { position: { top: -8, right: 8 }, html: badge });
      }
    }
  }
  for (const id of diagram.current) {
    if (registry.get(id)) {
      canvas.addMarker(id, 'current-step');
    }
  }
  canvas.zoom('fit-viewport');
  return () => viewer.destroy();
}

/**
 * Where the case stands, on a task's page and a case's page: the process diagram with the step waited on highlighted and the steps done marked (who and
 * when on hover), and the same as a list for keyboards, screen readers and print.
 */
export function CaseDiagram({ processKey, caseId }: { processKey: string; caseId: string }) {
  const diagram = useQuery(diagramQuery(processKey, caseId));
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!diagram.data || !container.current) {
      return;
    }
    let cleanup: (() => void) | null = null;
    let cancelled = false;
    draw(container.current, diagram.data)
      .then((destroy) => {
        if (cancelled) {
          destroy();
        } else {
          cleanup = destroy;
        }
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [diagram.data]);

  if (!diagram.data) {
    return null;
  }
  const userSteps = diagram.data.passed.filter((step) => step.by);
  return (
    <section className="case-diagram" aria-labelledby="diagram-title" data-testid="case-diagram">
      <h2 id="diagram-title">案件の進み具合</h2>
      <div
        ref={container}
        className="diagram-canvas"
        // A figure, not an image: the viewer puts focusable parts inside (its canvas, the bpmn.io link), which an
        // image may not contain (axe: nested-interactive). The list below says the same in words.
        role="figure"
        aria-label="業務の流れ図（現在の手順を強調、完了した手順に印）"
        data-testid="diagram-canvas"
      />
      {failed && <p className="hint">流れ図を表示できません。下の一覧をご覧ください。</p>}
      <ol className="diagram-steps" data-testid="diagram-steps">
        {userSteps.map((step, index) => (
          <li key={`${step.elementId}-${index}`}>
            ✓ {step.name}（{step.by}・{formatWarekiDateTime(step.at)}）
          </li>
        ))}
      </ol>
    </section>
  );
}
