/**
 * The staffing timeline on the result page: an SVG drawn on the server, the daily fte of each
 * side as steps across the team's period against the 1.00 line, with a title and a text
 * description. The same runs are shown as a table beside it for those who cannot see it.
 * Colours come from classes in the stylesheet (no inline style: the CSP forbids it).
 */
import { dayNumber } from '../rules/dates.ts';
import type { Lang, TeamResult } from '../rules/types.ts';

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 44;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 36;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const words = {
  sv: { school: 'Skolpersonal', social: 'Socialtjänsten', minimum: 'Minst 1,00', title: 'Tjänstgöringsgrad per dag' },
  en: { school: 'School staff', social: 'Social services', minimum: 'At least 1.00', title: 'Fte per day' },
};

/** An SVG with ids unique to the team (`chartId`), described by `describedBy` (the text summary's id). */
export function staffingChart(team: TeamResult, chartId: string, describedBy: string, lang: Lang): string {
  const first = dayNumber(team.period.from);
  const last = dayNumber(team.period.to) + 1;
  const top = Math.max(2, ...team.staffing.map((r) => Math.max(Number(r.school), Number(r.socialServices))));
  const x = (day: number) => LEFT + ((day - first) / (last - first)) * (WIDTH - LEFT - RIGHT);
  const y = (fte: number) => TOP + (1 - fte / top) * (HEIGHT - TOP - BOTTOM);
  const steps = (value: (r: TeamResult['staffing'][number]) => string) =>
    team.staffing
      .map((r) => `${x(dayNumber(r.from)).toFixed(1)},${y(Number(value(r))).toFixed(1)} ${x(dayNumber(r.to) + 1).toFixed(1)},${y(Number(value(r))).toFixed(1)}`)
      .join(' ');
  const w = words[lang];
  const ticks = [0, 1, 2, ...(top > 2 ? [top] : [])];
  return [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${chartId}-title" aria-describedby="${describedBy}" focusable="false">`,
    `<title id="${chartId}-title">${escape(`${w.title}: ${team.name}`)}</title>`,
    ...ticks.map(
      (t) =>
        `<g class="chart__tick"><line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/><text x="${LEFT - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${escape(t.toFixed(2).replace('.', lang === 'sv' ? ',' : '.'))}</text></g>`,
    ),
    `<polyline class="chart__school" points="${steps((r) => r.school)}"/>`,
    `<polyline class="chart__social" points="${steps((r) => r.socialServices)}"/>`,
    // Drawn last and dashed, so the 1.00 line shows even where a side is exactly at it.
    `<line class="chart__minimum" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(1).toFixed(1)}" y2="${y(1).toFixed(1)}"/>`,
    `<text class="chart__date" x="${LEFT}" y="${HEIGHT - 14}">${team.period.from}</text>`,
    `<text class="chart__date" x="${WIDTH - RIGHT}" y="${HEIGHT - 14}" text-anchor="end">${team.period.to}</text>`,
    '</svg>',
  ].join('');
}

export const chartLegend = words;
