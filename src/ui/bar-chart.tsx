/** One bar of a horizontal bar chart. */
export interface Bar {
  label: string;
  value: number;
  /** The figure written at the end of the bar, e.g. "12 (40%)". */
  valueText: string;
}

interface BarChartProps {
  bars: Bar[];
  /** The value a full-length bar stands for; the largest value when left out. */
  max?: number;
  /**
   * A summary for screen readers, for a chart that stands alone. Leave it out
   * when a data table beside the chart carries the same figures: the chart is
   * then hidden from assistive technology, so nothing is read twice.
   */
  label?: string;
}

// Drawing units of the viewBox; the chart scales to its container's width.
const WIDTH = 400;
const ROW = 46;
const LABEL_BASELINE = 16;
const BAR_TOP = 22;
const BAR_HEIGHT = 16;
/** Room kept right of the longest bar for its figure. */
const FIGURE_ROOM = 96;
/** Labels longer than this are shortened in the chart; the table has them in full. */
const LABEL_LIMIT = 44;

function shorten(label: string): string {
  return label.length > LABEL_LIMIT ? `${label.slice(0, LABEL_LIMIT - 1).trimEnd()}…` : label;
}

/**
 * A horizontal bar chart drawn as SVG on the server: each bar's label above
 * it and its figure after it. Bar lengths are SVG attributes (the content
 * security policy forbids inline styles), and the viewBox lets it shrink to
 * fit a phone.
 */
export function BarChart({ bars, max, label }: BarChartProps) {
  const top = max ?? Math.max(0, ...bars.map((b) => b.value));
  const room = WIDTH - FIGURE_ROOM;
  const length = (value: number) => (top > 0 ? Math.round((Math.max(0, Math.min(value, top)) / top) * room * 10) / 10 : 0);
  const height = bars.length * ROW;
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      focusable="false"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
    >
      {bars.map((bar, index) => {
        const y = index * ROW;
        const barLength = length(bar.value);
        return (
          <g key={index}>
            <text class="bar-chart-label" x="0" y={y + LABEL_BASELINE}>
              {shorten(bar.label)}
            </text>
            <rect class="bar-chart-bar" x="0" y={y + BAR_TOP} width={barLength} height={BAR_HEIGHT} rx="2" />
            <text class="bar-chart-figure" x={barLength + 6} y={y + BAR_TOP + BAR_HEIGHT - 2}>
              {bar.valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
