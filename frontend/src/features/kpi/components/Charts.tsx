/** Plain SVG charts: each is drawn from the same numbers as the table shown under it. */

const COLOURS = ['#1f6fb2', '#d9822b', '#2e8b57', '#8e44ad', '#c0392b'];

export interface Bar {
  label: string;
  value: number;
}

/** Horizontal bars, one per label. */
export function BarChart({ bars, title, unit = '' }: { bars: Bar[]; title: string; unit?: string }) {
  const width = 640;
  const rowHeight = 22;
  const labelWidth = 220;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * rowHeight + 10;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" className="kpi-svg">
      <title>{title}</title>
      {bars.map((bar, i) => {
        const barWidth = ((width - labelWidth - 60) * bar.value) / max;
        const y = i * rowHeight + 5;
        return (
          <g key={`${bar.label}-${i}`} data-testid="bar">
            <text x={labelWidth - 6} y={y + 14} textAnchor="end" fontSize="12">
              {bar.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={barWidth} height={rowHeight - 6} fill={COLOURS[0]} />
            <text x={labelWidth + barWidth + 4} y={y + 14} fontSize="12">
              {bar.value.toLocaleString('ja-JP')}
              {unit}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface Series {
  name: string;
  values: number[];
}

/** Trend lines over the buckets of the period, with a legend. */
export function LineChart({ labels, series, title }: { labels: string[]; series: Series[]; title: string }) {
  const width = 640;
  const height = 220;
  const left = 40;
  const bottom = 30;
  const top = 24;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = labels.length > 1 ? (width - left - 10) / (labels.length - 1) : 0;
  const y = (value: number) => top + (height - top - bottom) * (1 - value / max);
  const x = (index: number) => left + index * step;
  const labelEvery = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" className="kpi-svg">
      <title>{title}</title>
      <line x1={left} y1={height - bottom} x2={width - 10} y2={height - bottom} stroke="#999" />
      <line x1={left} y1={top} x2={left} y2={height - bottom} stroke="#999" />
      <text x={left - 4} y={top + 4} textAnchor="end" fontSize="11">
        {max}
      </text>
      <text x={left - 4} y={height - bottom} textAnchor="end" fontSize="11">
        0
      </text>
      {labels.map((label, i) =>
        i % labelEvery === 0 ? (
          <text key={label} x={x(i)} y={height - 10} textAnchor="middle" fontSize="11">
            {label}
          </text>
        ) : null,
      )}
      {series.map((s, n) => (
        <g key={s.name} data-testid="line">
          <polyline
            fill="none"
            stroke={COLOURS[n % COLOURS.length]}
            strokeWidth="2"
            points={s.values.map((value, i) => `${x(i)},${y(value)}`).join(' ')}
          />
          <rect x={left + 10 + n * 150} y={4} width={12} height={12} fill={COLOURS[n % COLOURS.length]} />
          <text x={left + 26 + n * 150} y={14} fontSize="12">
            {s.name}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Rows × columns of counts, darker for more: the ageing of the backlog. */
export function HeatMap({
  rows,
  columns,
  values,
  title,
}: {
  rows: string[];
  columns: string[];
  values: number[][];
  title: string;
}) {
  const labelWidth = 180;
  const cellWidth = 72;
  const cellHeight = 24;
  const width = labelWidth + columns.length * cellWidth;
  const height = 24 + rows.length * cellHeight;
  const max = Math.max(1, ...values.flat());
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" className="kpi-svg">
      <title>{title}</title>
      {columns.map((column, c) => (
        <text key={column} x={labelWidth + c * cellWidth + cellWidth / 2} y={16} textAnchor="middle" fontSize="11">
          {column}
        </text>
      ))}
      {rows.map((row, r) => (
        <g key={`${row}-${r}`}>
          <text x={labelWidth - 6} y={24 + r * cellHeight + 16} textAnchor="end" fontSize="12">
            {row}
          </text>
          {columns.map((column, c) => {
            const value = values[r]?.[c] ?? 0;
            const strength = value / max;
            return (
              <g key={column} data-testid="heat-cell">
                <rect
                  x={labelWidth + c * cellWidth + 1}
                  y={24 + r * cellHeight + 1}
                  width={cellWidth - 2}
                  height={cellHeight - 2}
                  fill={value === 0 ? '#f4f4f4' : `rgba(192, 57, 43, ${0.15 + 0.85 * strength})`}
                />
                <text
                  x={labelWidth + c * cellWidth + cellWidth / 2}
                  y={24 + r * cellHeight + 16}
                  textAnchor="middle"
                  fontSize="12"
                  fill={strength > 0.6 ? '#fff' : '#222'}
                >
                  {value}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
