import { useQuery } from '@tanstack/react-query';
import { QueryResult } from '../../../components/QueryResult';
import { formatWarekiDateTime } from '../../../lib/date';
import { COMPLIANCE_PDF_URL, complianceReportQuery, exportComplianceReport, type ComplianceBuild } from '../compliance';
import { CsvExportControl } from './CsvExportControl';

const OUTCOME_LABELS = { PASSED: '成功', FAILED: '失敗', SKIPPED: 'スキップ' } as const;

function BuildLine({ build }: { build: ComplianceBuild }) {
  if (!build.summaryPackaged) {
    return (
      <p className="subtitle" data-testid="compliance-build">
        この版にはテスト結果がありません（ビルドで作られた版ではありません）。すべての統制が未証明として表示されます。
      </p>
    );
  }
  return (
    <p className="subtitle" data-testid="compliance-build">
      版 {build.version}（{build.builtAt ? formatWarekiDateTime(build.builtAt) : ''} ビルド）
      {build.testsRun
        ? `　テスト ${build.total}件、失敗 ${build.failed}件、スキップ ${build.skipped}件`
        : '　この版のビルドではテストが実行されていません'}
    </p>
  );
}

/**
 * 自己点検 (the compliance report): each control R01–R33 with its text, what implements it, the tests named after it
 * and their result in the build that produced the running version. A control without a passing test is red.
 */
export function CompliancePanel() {
  const report = useQuery(complianceReportQuery());
  return (
    <section aria-labelledby="compliance-title" data-testid="compliance-panel">
      <h2 id="compliance-title">自己点検（統制の実施状況）</h2>
      <p>
        特定個人情報保護評価書のリスク対策（R01〜R33）ごとに、実装しているプロセス・規則と、それを確かめるテストの結果を示します。
        テストの結果は、いま動いている版をビルドしたときのものです。
      </p>
      <QueryResult query={report}>
        {(data) => (
          <>
            <BuildLine build={data.build} />
            <p data-testid="compliance-summary">
              証明済みの統制 {data.proven} / {data.controls.length}
              {data.unproven.length > 0 && `（未証明: ${data.unproven.join('、')}）`}
            </p>
            <div className="actions">
              <a href={COMPLIANCE_PDF_URL} target="_blank" rel="noreferrer" data-testid="compliance-pdf">
                PDFで表示・印刷
              </a>
            </div>
            <CsvExportControl id="compliance" onExport={exportComplianceReport} permitted />
            <table className="data-table" data-testid="compliance-table">
              <thead>
                <tr>
                  <th scope="col">統制</th>
                  <th scope="col">内容</th>
                  <th scope="col">実装（プロセス・規則）</th>
                  <th scope="col">テスト</th>
                  <th scope="col">判定</th>
                </tr>
              </thead>
              <tbody>
                {data.controls.map((control) => (
                  <tr key={control.id} data-testid="compliance-row">
                    <th scope="row">{control.id}</th>
                    <td>
                      <small>{control.area}</small>
                      <br />
                      {control.text}
                    </td>
                    <td>
                      <ul>
                        {control.implementedBy.map((item) => (
                          <li key={item}>{item}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {control.tests.length === 0 ? (
                        'なし'
                      ) : (
                        <ul>
                          {control.tests.map((test) => (
                            <li key={`${test.className}.${test.name}`}>
                              {test.className}.{test.name}（{OUTCOME_LABELS[test.outcome]}）
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <span
                        className={control.proven ? 'badge badge-eligible' : 'badge badge-overdue'}
                        data-testid={`compliance-verdict-${control.id}`}
                      >
                        {control.verdictLabel}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </QueryResult>
    </section>
  );
}
