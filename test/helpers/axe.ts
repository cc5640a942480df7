import { AxeBuilder } from "@axe-core/playwright";
import type { NodeResult, Result } from "axe-core";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
/** What blocks: axe's two highest impacts. Moderate and minor findings are reported by axe but do not fail a test. */
const BLOCKING: ReadonlySet<string> = new Set(["serious", "critical"]);

export interface AxeOptions {
  /**
   * Pages that promise the wall display's 7:1 text contrast (the TV, the advisor's phone) also run
   * axe's AAA rule `color-contrast-enhanced`, so anything under 7:1 (4.5:1 for large text) fails.
   */
  enhancedContrast?: boolean;
}

export interface AxeOutcome {
  /** Serious or critical violations: each one fails the test. */
  blocking: Result[];
  /** The rules that found something to check and passed, so a test can tell "passed" from "nothing to look at". */
  passed: string[];
}

/** The shadow path of a node as one readable string: `admin-app >>> admin-board >>> .grid`. */
export function targetPath(node: NodeResult): string {
  return node.target.map((t) => (Array.isArray(t) ? t.join(" >>> ") : String(t))).join(" | ");
}

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules, plus axe's best practices) on the page as it is
 * now, shadow roots included, and keeps the serious and critical findings.
 * The page must belong to a context made with `browser.newContext()`: axe finishes its run in a
 * blank page it opens beside it.
 */
export async function runAxe(page: Page, opts: AxeOptions = {}): Promise<AxeOutcome> {
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: "tag", values: TAGS },
      // details only for what fails: a busy board has thousands of passing nodes not worth sending back
      resultTypes: ["violations"],
      // a rule named here runs even though its AAA tag is not among the tags above
      ...(opts.enhancedContrast ? { rules: { "color-contrast-enhanced": { enabled: true } } } : {}),
    })
    .analyze();
  return { blocking: results.violations.filter((r) => BLOCKING.has(r.impact ?? "")), passed: results.passes.map((p) => p.id) };
}

/** A report a person can act on: rule, impact, what it means, and for each element its shadow path, markup and axe's advice. */
export function axeReport(what: string, violations: readonly Result[]): string {
  const lines = [`axe-core found ${violations.length} serious or critical violation(s) on ${what}:`];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl.replace(/\?.*$/, "")})`);
    for (const node of v.nodes.slice(0, 8)) {
      lines.push(`    at ${targetPath(node)}`);
      lines.push(`       ${node.html.replace(/\s+/g, " ").slice(0, 160)}`);
      const advice = (node.failureSummary ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
      for (const a of advice.slice(0, 4)) lines.push(`       ${a}`);
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more element(s)`);
  }
  return lines.join("\n");
}

/** Fails the test, with the report above, on any serious or critical violation. */
export async function expectAccessible(page: Page, what: string, opts: AxeOptions = {}): Promise<AxeOutcome> {
  const outcome = await runAxe(page, opts);
  expect(outcome.blocking.map((v) => `${v.impact} ${v.id}`), axeReport(what, outcome.blocking)).toEqual([]);
  return outcome;
}
