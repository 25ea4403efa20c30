import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/Message';
import { formatWarekiDate, officeToday } from '../../../lib/date';
import { coverageByDistrictQuery, coverageQuery, type CoverageRow } from '../api';
import { formatFiscalYear } from '../format';
import { coverageTable } from '../tables';
import { KpiSection } from './KpiTable';

/** The 年度 a day (YYYY-MM-DD) belongs to, by the calendar year it starts in. */
export function fiscalYearOf(day: string): number {
  const [year, month] = day.split('-').map(Number);
  return month < 4 ? year - 1 : year;
}

/** Coverage per vaccine and dose over its target population, the whole city; one dose's districts on demand. */
export function CoverageView() {
  const current = fiscalYearOf(officeToday());
  const [fiscalYear, setFiscalYear] = useState(current);
  const [target, setTarget] = useState<string | null>(null);
  const city = useQuery(coverageQuery(fiscalYear));
  const districts = useQuery(coverageByDistrictQuery(target, fiscalYear));
  const lines = city.data ?? [];
  const chosen = lines.find((line) => line.target === target);

  return (
    <>
      <form className="kpi-coverage-filter" onSubmit={(event) => event.preventDefault()}>
        <label>
          年度
          <select
            data-testid="coverage-year"
            value={fiscalYear}
            onChange={(event) => setFiscalYear(Number(event.target.value))}
          >
            {Array.from({ length: 6 }, (_, i) => current - i).map((year) => (
              <option key={year} value={year}>
                {formatFiscalYear(year)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {city.error && <ErrorMessage>{city.error.message}</ErrorMessage>}
      {city.isPending && <Loading />}
      {city.data && (
        <KpiSection
          title={`接種率（${formatFiscalYear(fiscalYear)}・市全体）`}
          testId="kpi-coverage"
          fileName="接種率"
          table={coverageTable(lines, false)}
          pageSize={lines.length}
          renderCell={(row, column, text) =>
            column === 1 ? (
              <button
                type="button"
                className="link-button"
                data-testid="coverage-districts"
                aria-pressed={lines[row].target === target}
                onClick={() => setTarget(lines[row].target)}
              >
                {text}
                <span className="visually-hidden">（{lines[row].vaccine}の地区別）</span>
              </button>
            ) : (
              text
            )
          }
          note={<CoverageNote line={lines[0]} />}
        />
      )}
      {chosen && (
        <>
          {districts.error && <ErrorMessage>{districts.error.message}</ErrorMessage>}
          {districts.data && (
            <KpiSection
              title={`${chosen.vaccine} ${chosen.dose}の地区別`}
              testId="kpi-coverage-districts"
              fileName={`接種率_${chosen.target}_地区別`}
              table={coverageTable(districts.data, true)}
              note={
                <p className="kpi-note">
                  対象者: {chosen.population}（{formatWarekiDate(chosen.bornFrom)}〜{formatWarekiDate(chosen.bornTo)}
                  生まれ）。対象人数の少ない地区は個人が特定されないよう「秘匿」と表示します。
                </p>
              }
            />
          )}
        </>
      )}
    </>
  );
}

function CoverageNote({ line }: { line?: CoverageRow }) {
  return (
    <p className="kpi-note">
      接種区分ごとに、その年度の対象者（定期接種の対象年齢・学年の住民。HPVは女子）のうち、その回の接種記録がある人の割合です
      {line ? `（${formatWarekiDate(line.asOf)}までの記録）` : ''}。接種区分を選ぶと地区別を表示します。
    </p>
  );
}
