/**
 * The staffing timeline on the result page: an SVG drawn on the server, the daily fte of each
 * side and of the whole team as steps across the team's period, against the 1,00 line (each
 * side's minimum) and the 2,00 line (the team's), with a tick and a label for every month, a
 * title and a text description. The same runs are shown as a table beside it for those who
 * cannot see it.
 *
 * Lines are told apart by their dash pattern as well as their colour (the legend draws the same
 * patterns), and social services' line sits a little below school staff's, so the two stay
 * visible where they coincide. Colours come from classes in the stylesheet (no inline style: the
 * CSP forbids it); the dash patterns and the text size are attributes, so that printing and the
 * legend keep them.
 */
import { civilFromDays, dayNumber, daysFromCivil } from '../rules/dates.ts';
import type { Lang, TeamResult } from '../rules/types.ts';

/**
 * The viewBox is about as wide as a phone's content column (375 px less the page's margins), so
 * FONT_SIZE units of text are drawn at about FONT_SIZE pixels there and larger on wider screens.
 */
export const CHART_WIDTH = 340;
export const FONT_SIZE = 11;
const HEIGHT = 200;
const LEFT = 30;
const RIGHT = 6;
const TOP = 8;
const BOTTOM = 34;
/** The room a month's name needs on the axis ("maj" at FONT_SIZE), in viewBox units. */
const MONTH_LABEL_ROOM = 18;
/** How far below its true place social services' line is drawn, in viewBox units. */
const SOCIAL_OFFSET = 2;

/** How each line is drawn: its class (the colour) and its dash pattern ('' is solid). */
export const SERIES = {
  school: { className: 'chart__school', dash: '' },
  socialServices: { className: 'chart__social', dash: '7 3' },
  total: { className: 'chart__total', dash: '2 2' },
  sideMinimum: { className: 'chart__minimum', dash: '12 4 2 4' },
  teamMinimum: { className: 'chart__minimum chart__minimum--team', dash: '3 5' },
} as const;
type Series = keyof typeof SERIES;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const words = {
  sv: {
    title: 'Tjänstgöringsgrad per dag',
    months: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    series: { school: 'Skolpersonal', socialServices: 'Socialtjänsten', total: 'Totalt', sideMinimum: 'Minst 1,00 per sida', teamMinimum: 'Minst 2,00 totalt' },
  },
  en: {
    title: 'Fte per day',
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    series: {
      school: 'School staff',
      socialServices: 'Social services',
      total: 'Total',
      sideMinimum: 'At least 1.00 per side',
      teamMinimum: 'At least 2.00 in total',
    },
  },
} satisfies Record<Lang, { title: string; months: string[]; series: Record<Series, string> }>;

const dashAttribute = (series: Series) => (SERIES[series].dash ? ` stroke-dasharray="${SERIES[series].dash}"` : '');

/** The first day of every month in [first, last): the period's own first day, then each 1st. */
function monthStarts(first: number, last: number): Array<{ day: number; month: number; year: number }> {
  const starts = [];
  let { year, month } = civilFromDays(first);
  for (let day = first; day < last; ) {
    starts.push({ day, month, year });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    day = daysFromCivil(year, month, 1);
  }
  return starts;
}

/** An SVG with ids unique to the team (`chartId`), described by `describedBy` (the text summary's id). */
export function staffingChart(team: TeamResult, chartId: string, describedBy: string, lang: Lang): string {
  const first = dayNumber(team.period.from);
  const last = dayNumber(team.period.to) + 1;
  const total = (r: TeamResult['staffing'][number]) => Number(r.school) + Number(r.socialServices);
  const top = Math.max(2.5, ...team.staffing.map(total));
  const x = (day: number) => (LEFT + ((day - first) / (last - first)) * (CHART_WIDTH - LEFT - RIGHT)).toFixed(1);
  const y = (fte: number) => TOP + (1 - fte / top) * (HEIGHT - TOP - BOTTOM);
  const axisY = y(0);
  const steps = (series: Series, value: (r: TeamResult['staffing'][number]) => number, offset = 0) =>
    `<polyline class="${SERIES[series].className}"${dashAttribute(series)} points="${team.staffing
      .map((r) => `${x(dayNumber(r.from))},${(y(value(r)) + offset).toFixed(1)} ${x(dayNumber(r.to) + 1)},${(y(value(r)) + offset).toFixed(1)}`)
      .join(' ')}"/>`;
  const reference = (series: Series, fte: number) =>
    `<line class="${SERIES[series].className}"${dashAttribute(series)} x1="${LEFT}" x2="${CHART_WIDTH - RIGHT}" y1="${y(fte).toFixed(1)}" y2="${y(fte).toFixed(1)}"/>`;
  const w = words[lang];
  const decimal = (fte: number) => fte.toFixed(2).replace('.', lang === 'sv' ? ',' : '.');
  const gridlines = [0, 1, 2, ...(top > 3 ? [Math.floor(top)] : [])];
  // A month too short on the axis for its name (a period starting on the 28th) keeps only its tick.
  const months = monthStarts(first, last).map((m, i, all) => ({
    ...m,
    x: x(m.day),
    labelled: Number(x(all[i + 1]?.day ?? last)) - Number(x(m.day)) >= MONTH_LABEL_ROOM,
  }));
  const firstLabelled = months.findIndex((m) => m.labelled);
  return [
    `<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${HEIGHT}" font-size="${FONT_SIZE}" role="img" aria-labelledby="${chartId}-title" aria-describedby="${describedBy}" focusable="false">`,
    `<title id="${chartId}-title">${escapeXml(`${w.title}: ${team.name}`)}</title>`,
    ...gridlines.map(
      (t) =>
        `<g class="chart__tick"><line x1="${LEFT}" x2="${CHART_WIDTH - RIGHT}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/><text x="${LEFT - 3}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${decimal(t)}</text></g>`,
    ),
    ...months.map((m, i) => {
      const tick = `<line x1="${m.x}" x2="${m.x}" y1="${axisY.toFixed(1)}" y2="${(axisY + 4).toFixed(1)}"/>`;
      const label = m.labelled ? `<text x="${m.x}" y="${(axisY + 14).toFixed(1)}">${w.months[m.month - 1]}</text>` : '';
      const year = m.labelled && (i === firstLabelled || m.month === 1) ? `<text x="${m.x}" y="${(axisY + 27).toFixed(1)}">${m.year}</text>` : '';
      return `<g class="chart__month">${tick}${label}${year}</g>`;
    }),
    steps('total', total),
    steps('school', (r) => Number(r.school)),
    steps('socialServices', (r) => Number(r.socialServices), SOCIAL_OFFSET),
    // Drawn last, thin and patterned, so the minima show even where a line is exactly at them.
    reference('sideMinimum', 1),
    reference('teamMinimum', 2),
    '</svg>',
  ].join('');
}

/** The legend: each line's name beside a short sample drawn with the chart's own class and pattern. */
export function chartLegend(lang: Lang): Array<{ swatch: string; label: string }> {
  return (Object.keys(SERIES) as Series[]).map((series) => ({
    swatch: `<svg class="swatch" viewBox="0 0 32 6" aria-hidden="true" focusable="false"><line class="${SERIES[series].className}"${dashAttribute(series)} x1="0" x2="32" y1="3" y2="3"/></svg>`,
    label: words[lang].series[series],
  }));
}
