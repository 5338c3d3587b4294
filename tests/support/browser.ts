import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';

/** The Debian package's Chromium: the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Problems the page reported in its console (CSP violations, script errors), per page. */
const pageProblems = new WeakMap<Page, string[]>();

/**
 * Launches Chromium headless. Playwright gives it a fresh temporary profile,
 * removed again by `browser.close()`.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true, timeout: 30_000 });
}

/**
 * A page in its own browser context: its own cookies, as a separate person
 * on a separate device. The page's CSP stays on, so a blocked inline script
 * or style is caught (see `checkA11y`).
 */
export async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  pageProblems.set(page, problems);
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the current page and fails on any violation, listing each
 * rule and the elements it found. Also fails if the page broke its own CSP.
 *
 * axe is added through the DevTools protocol (`evaluate`), which the page's
 * strict CSP does not govern, so the CSP can stay on during tests.
 */
export async function checkA11y(page: Page): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((node) => ({ target: node.target })),
    }));
  });
  if (violations.length) {
    const list = violations
      .map((v) => `  - ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n      ${v.nodes.map((n) => n.target.join(' ')).join('\n      ')}`)
      .join('\n');
    throw new Error(`Accessibility violations on ${page.url()}:\n${list}`);
  }
  const problems = pageProblems.get(page) ?? [];
  if (problems.length) throw new Error(`The page reported problems:\n  ${problems.splice(0).join('\n  ')}`);
}

/** Goes to a URL, then checks the page with axe-core. */
export async function visit(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await checkA11y(page);
  return response;
}

/**
 * Does something that loads a new page (submitting a form, following a
 * link), waits for it, then checks the new page with axe-core.
 */
export async function navigate(page: Page, action: () => Promise<unknown>): Promise<void> {
  // Listening before acting means a fast page load cannot be missed.
  await Promise.all([page.waitForEvent('load'), action()]);
  await checkA11y(page);
}
