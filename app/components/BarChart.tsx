// A horizontal bar chart in plain SVG: prints as it looks, and a screen reader gets the title,
// each bar as a link named «label value» (or a one-line summary when bars do not link) and the
// same numbers as a table (STYLE: charts need a table fallback).
import { useI18n } from "./i18n.tsx";

/** `href`: the list of exactly the records the bar counts (the bar and its table row link there). */
export type BarItem = { key: string; label: string; value: number; href?: string };

const ROW = 28;
const LABEL_WIDTH = 270;
const BAR_WIDTH = 260;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 60;

export function BarChart({ id, title, valueLabel, items }: { id: string; title: string; valueLabel: string; items: BarItem[] }) {
  const { t, number } = useI18n();
  const max = Math.max(1, ...items.map((i) => i.value));
  const height = items.length * ROW + 8;
  const summary = items.map((i) => `${i.label}: ${number(i.value)}`).join("; ");
  const linked = items.some((i) => i.href);
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart-title">{title}</figcaption>
      {/* With links the bars are the chart's only interactive parts, so the svg is a group
          (an "img" may not hold links: axe nested-interactive); without links it is one image. */}
      <svg
        role={linked ? "group" : "img"}
        aria-labelledby={linked ? `${id}-title` : `${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        className="chart-svg"
      >
        <title id={`${id}-title`}>{title}</title>
        {linked ? null : <desc id={`${id}-desc`}>{summary}</desc>}
        {items.map((item, index) => {
          const y = index * ROW + 4;
          const width = Math.round((item.value / max) * BAR_WIDTH);
          const bar = (
            <g key={item.key} data-key={item.key}>
              <rect x={LABEL_WIDTH} y={y + 4} width={Math.max(width, item.value > 0 ? 2 : 0)} height={ROW - 8} className="chart-bar" />
              {/* Label and value in one text, a space between: a link's name is its visible text
                  «label value» (WCAG 2.5.3), not two words run together. */}
              <text y={y + ROW / 2} dominantBaseline="middle">
                <tspan x={LABEL_WIDTH - 8} textAnchor="end" className="chart-label">
                  {item.label}
                </tspan>
                <tspan x={LABEL_WIDTH + width + 2} className="chart-value">
                  {` ${number(item.value)}`}
                </tspan>
              </text>
            </g>
          );
          // An SVG link: the whole bar, label and value are one target, named by its text.
          return item.href ? (
            <a key={item.key} href={item.href} className="chart-link">
              {bar}
            </a>
          ) : (
            bar
          );
        })}
      </svg>
      <details className="chart-table">
        <summary>{t("dashboard.chart.showTable")}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.key}>
                <th scope="row">{item.href ? <a href={item.href}>{item.label}</a> : item.label}</th>
                <td>{item.href ? <a href={item.href}>{number(item.value)}</a> : number(item.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
