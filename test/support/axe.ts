// axe-core in the browser tests: what WCAG 2.2 A and AA rules find on the page as it is now. The script is
// evaluated through the DevTools protocol, which the app's Content-Security-Policy does not govern, so the
// policy stays as strict as it is in production (an injected <script> tag would be refused, rightly).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Serious and critical violations of the WCAG 2.2 A and AA rules within `include` (the whole page by default). */
export async function seriousViolations(page: Page, scope: { include?: string; exclude?: string[] } = {}): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  // Colours are read as they are now: a button half-way through its transition from disabled is in neither state.
  await page.evaluate(() => Promise.all(document.getAnimations()
    .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
    .map((animation) => animation.finished.catch(() => undefined))));
  return page.evaluate(async ({ include, exclude, tags }) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[]; html: string }> }> }> } }).axe;
    const context = include ? { include: [include], exclude: (exclude ?? []).map((selector) => [selector]) } : document;
    const { violations } = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 200)}`) }));
  }, { include: scope.include, exclude: scope.exclude, tags: WCAG_22_AA });
}
