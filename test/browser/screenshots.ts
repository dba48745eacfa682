/**
 * The README's screenshots of the result page, taken in headless Chromium: `npm run screenshots`.
 * Each draft is built through the pages as a person would (journey-steps.ts), then the result page
 * is saved as a full-page PNG with at most 256 colours (png-palette.ts) to keep it small:
 *
 *   docs/result-eligible.png           one team with 1,0 school staff and 1,0 from social
 *                                      services, 1000 CSS px wide
 *   docs/result-not-eligible.png       the same team with 0,5 from social services: the to-do
 *                                      list with the failing conditions and how to fix them
 *   docs/result-not-eligible-phone.png the same on a phone, 375 CSS px wide
 *
 * The result depends on the day it is taken (the application window's finding), so retake them
 * when the pages change rather than comparing them in a test.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot, startServer } from './browser.ts';
import { addTeam, schoolMember, socialMember, startDraft, toResult, Visitor, type MemberInput } from './journey-steps.ts';
import { toPalettePng } from './png-palette.ts';

const DESKTOP = 1000;
const PHONE = 375;

const shots: Array<{ file: string; width: number; members: MemberInput[] }> = [
  { file: 'result-eligible.png', width: DESKTOP, members: [schoolMember, socialMember] },
  { file: 'result-not-eligible.png', width: DESKTOP, members: [schoolMember, { ...socialMember, fte: '0,5' }] },
  { file: 'result-not-eligible-phone.png', width: PHONE, members: [schoolMember, { ...socialMember, fte: '0,5' }] },
];

async function take(browser: Browser, baseUrl: string, file: string, width: number, members: MemberInput[]): Promise<void> {
  const page = await newPage(browser, { javaScript: true });
  try {
    await page.setViewportSize({ width, height: 800 });
    const v = new Visitor(page, baseUrl);
    await startDraft(v);
    await addTeam(v, 'Skolsocialt team Norr', members);
    await toResult(v);
    // No hover or focus styles from the last click in the picture.
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const path = fileURLToPath(new URL(`../../docs/${file}`, import.meta.url));
    await screenshot(page, path);
    // Chromium's RGB PNG of this much text is over half a megabyte; as a palette it is under half that.
    const rgb = await readFile(path);
    const { png, colours, exact } = toPalettePng(rgb);
    await writeFile(path, png);
    const kB = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
    console.log(`${path}: ${kB(png.length)} (${kB(rgb.length)} as RGB; ${colours} colours${exact ? '' : ', reduced to 256'})`);
  } finally {
    await page.context().close();
  }
}

const browser = await launchBrowser();
try {
  const server = await startServer();
  try {
    for (const { file, width, members } of shots) await take(browser, server.baseUrl, file, width, members);
  } finally {
    await server.close();
  }
} finally {
  await browser.close();
}
