import { Trans } from '@lingui/react/macro';

export interface Bar {
  key: string;
  label: string;
  /** null: masked or unknown, drawn as an empty track with a dash. */
  value: number | null;
  text: string;
}

const ROW = 28;
const LABEL_WIDTH = 44; // per cent of the width kept for the labels

/**
 * A small horizontal bar chart in plain SVG (no chart library in the bundle). The figures are
 * also given as text in the page, so the image is a picture of them: `title` names it for
 * screen readers and the bars' texts repeat each value.
 */
export function BarChart({ title, bars, max }: { title: string; bars: Bar[]; max?: number }) {
  const top = max ?? Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const height = bars.length * ROW;
  if (bars.length === 0)
    return (
      <p className="muted">
        <Trans>Rien à afficher.</Trans>
      </p>
    );
  return (
    <svg className="engagement-chart" role="img" aria-label={title} width="100%" height={height}>
      {bars.map((bar, i) => {
        const y = i * ROW;
        const width = bar.value === null ? 0 : ((100 - LABEL_WIDTH - 22) * bar.value) / top;
        return (
          <g key={bar.key}>
            <text x="0" y={y + ROW / 2} dominantBaseline="middle" className="engagement-chart-label">
              {bar.label.length > 20 ? `${bar.label.slice(0, 19)}…` : bar.label}
            </text>
            <rect
              x={`${LABEL_WIDTH}%`}
              y={y + 6}
              width={`${100 - LABEL_WIDTH - 22}%`}
              height={ROW - 12}
              className="engagement-chart-track"
            />
            <rect
              x={`${LABEL_WIDTH}%`}
              y={y + 6}
              width={`${width}%`}
              height={ROW - 12}
              className="engagement-chart-bar"
            />
            <text
              x={`${LABEL_WIDTH + width + 1}%`}
              y={y + ROW / 2}
              dominantBaseline="middle"
              className="engagement-chart-value"
            >
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
