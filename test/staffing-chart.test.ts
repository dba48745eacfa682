/**
 * The staffing chart reads: a tick and a name for every month of the team's period with the
 * year at January and at the start, both minimum lines, lines told apart by their pattern as
 * well as their colour (and the legend drawing the same patterns), and text legible on a phone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseApplication } from '../forms/application.ts';
import { assess } from '../rules/assess.ts';
import type { TeamResult } from '../rules/types.ts';
import { CHART_WIDTH, chartLegend, FONT_SIZE, SERIES, staffingChart } from '../src/staffing-chart.ts';
import { buildApplication } from './application-builder.ts';

function teamResult(period?: { from: string; to: string }): TeamResult {
  const parsed = parseApplication(buildApplication({ grantYear: 2027, teams: [{ name: 'Team Norr', ...(period ? { period } : {}) }] }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.body));
  return assess(parsed.application, { asOf: '2026-12-02' }).teams[0];
}

/** The texts of the month axis, in order. */
const monthTexts = (svg: string) =>
  [...svg.matchAll(/<g class="chart__month">(.*?)<\/g>/g)].map((m) => [...m[1].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]));

test('ett helt år får en markering och ett namn för varje månad, med året vid januari', () => {
  const svg = staffingChart(teamResult(), 'chart-1', 'chart-1-summary', 'sv');
  assert.deepEqual(monthTexts(svg), [['jan', '2027'], ['feb'], ['mar'], ['apr'], ['maj'], ['jun'], ['jul'], ['aug'], ['sep'], ['okt'], ['nov'], ['dec']]);
  assert.deepEqual(monthTexts(staffingChart(teamResult(), 'c', 'd', 'en'))[4], ['May']);
});

test('en del av året börjar med periodens första månad och året, sedan varje månadsskifte', () => {
  const svg = staffingChart(teamResult({ from: '2027-08-15', to: '2027-12-31' }), 'chart-1', 'chart-1-summary', 'sv');
  assert.deepEqual(monthTexts(svg), [['aug', '2027'], ['sep'], ['okt'], ['nov'], ['dec']]);
  // The first tick is at the period's start, at the left edge of the plot; the next at 1 September.
  const ticks = [...svg.matchAll(/<g class="chart__month"><line x1="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.equal(ticks.length, 5);
  assert.ok(
    ticks.every((x, i) => i === 0 || x > ticks[i - 1]),
    'ticks run left to right',
  );
  const dayWidth = (ticks[1] - ticks[0]) / 17;
  assert.ok(Math.abs(ticks[2] - ticks[1] - 30 * dayWidth) < 0.2, 'September is 30 days wide');
});

test('en period som börjar sent i månaden behåller markeringen men skriver månaden där den får plats', () => {
  const svg = staffingChart(teamResult({ from: '2027-01-30', to: '2027-03-31' }), 'c', 'd', 'sv');
  assert.deepEqual(monthTexts(svg), [[], ['feb', '2027'], ['mar']]);
});

test('både 1,00-linjen och 2,00-linjen finns, och alla linjer har olika streckmönster', () => {
  const svg = staffingChart(teamResult(), 'chart-1', 'chart-1-summary', 'sv');
  const dashOf = (className: string) => {
    const match = new RegExp(`<(?:line|polyline) class="${className}"(?: stroke-dasharray="([^"]+)")?`).exec(svg);
    assert.ok(match, `the chart draws ${className}`);
    return match[1] ?? 'solid';
  };
  const minimumY = (className: string) => Number(new RegExp(`<line class="${className}"[^>]* y1="([\\d.]+)"`).exec(svg)?.[1]);
  const gridY = (label: string) => Number(new RegExp(`<line x1="[\\d.]+" x2="[\\d.]+" y1="([\\d.]+)" y2="[\\d.]+"/><text[^>]*>${label}</text>`).exec(svg)?.[1]);
  assert.equal(minimumY(SERIES.sideMinimum.className), gridY('1,00'));
  assert.equal(minimumY(SERIES.teamMinimum.className), gridY('2,00'));
  const patterns = Object.values(SERIES).map((series) => dashOf(series.className));
  assert.equal(new Set(patterns).size, patterns.length, `distinct patterns: ${patterns.join(' | ')}`);
});

test('skolpersonalens och socialtjänstens linjer syns båda där de sammanfaller', () => {
  const svg = staffingChart(teamResult(), 'chart-1', 'chart-1-summary', 'sv');
  // Both sides are 1,00 all year in this team: the same value, drawn at different heights.
  const yOf = (className: string) => /points="[\d.]+,([\d.]+)/.exec(svg.split(`class="${className}"`)[1])?.[1];
  assert.notEqual(yOf(SERIES.school.className), yOf(SERIES.socialServices.className));
});

test('förklaringen visar varje linje med samma klass och streckmönster som diagrammet', () => {
  const legend = chartLegend('sv');
  assert.deepEqual(
    legend.map((item) => item.label),
    ['Skolpersonal', 'Socialtjänsten', 'Totalt', 'Minst 1,00 per sida', 'Minst 2,00 totalt'],
  );
  Object.values(SERIES).forEach((series, i) => {
    assert.ok(legend[i].swatch.includes(`class="${series.className}"${series.dash ? ` stroke-dasharray="${series.dash}"` : ''}`), series.className);
    assert.match(legend[i].swatch, /aria-hidden="true"/);
  });
});

test('texten är minst 11 px hög när diagrammet visas på en 375 px bred telefon', () => {
  const svg = staffingChart(teamResult(), 'chart-1', 'chart-1-summary', 'sv');
  assert.match(svg, new RegExp(`^<svg class="chart" viewBox="0 0 ${CHART_WIDTH} \\d+" font-size="${FONT_SIZE}" role="img"`));
  assert.doesNotMatch(svg, /font-size="(?!11")/, 'no smaller text anywhere');
  // The page's column on a 375 px phone is 375 px less 1 rem of padding on each side.
  const shownWidth = 375 - 2 * 16;
  assert.ok((FONT_SIZE * shownWidth) / CHART_WIDTH >= 11, `${((FONT_SIZE * shownWidth) / CHART_WIDTH).toFixed(1)} px`);
});

test('diagrammet är en bild med titel och beskrivning', () => {
  const svg = staffingChart(teamResult(), 'chart-1', 'chart-1-summary', 'sv');
  assert.match(svg, /role="img" aria-labelledby="chart-1-title" aria-describedby="chart-1-summary"/);
  assert.match(svg, /<title id="chart-1-title">Tjänstgöringsgrad per dag: Team Norr<\/title>/);
});
