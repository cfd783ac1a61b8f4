// Runs in: development and CI (a node:test reporter, next to spec, in `npm test`).
//
// Ends the run with one line saying what was skipped and why, so a suite that skipped (no
// Electron binary, no Chromium, no ../shared fixtures) cannot hide in a long log:
//   skipped: none
//   skipped: 6 tests (test/electron/app.test.ts: no Electron binary is installed ...)
//   skipped: 9 tests (6 tests in test/electron/app.test.ts: no Electron ...; 3 tests in ...: ...)
// A skipped describe() hides its tests from node:test's totals; it is named as a suite.
import { relative } from 'node:path';
import type { TestEvent } from 'node:test/reporters';

interface Group {
  tests: number;
  suites: number;
  readonly files: Set<string>;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function counted({ tests, suites }: { tests: number; suites: number }): string {
  return [tests && plural(tests, 'test'), suites && plural(suites, 'suite')].filter(Boolean).join(' and ');
}

function summarise(groups: ReadonlyMap<string, Group>): string {
  if (groups.size === 0) return 'skipped: none';
  const all = [...groups.values()];
  const total = { tests: all.reduce((sum, group) => sum + group.tests, 0), suites: all.reduce((sum, group) => sum + group.suites, 0) };
  // With one reason the total already says how many.
  const reasons = [...groups].map(([reason, group]) => `${groups.size > 1 ? `${counted(group)} in ` : ''}${[...group.files].join(', ')}: ${reason}`);
  return `skipped: ${counted(total)} (${reasons.join('; ')})`;
}

export default async function* skipSummary(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const groups = new Map<string, Group>();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { skip, details, file } = event.data;
    if (!skip) continue;
    const reason = skip === true ? 'no reason given' : skip;
    const group = groups.get(reason) ?? { tests: 0, suites: 0, files: new Set<string>() };
    if (details.type === 'suite') group.suites++;
    else group.tests++;
    group.files.add(file ? relative(process.cwd(), file) : 'unknown file');
    groups.set(reason, group);
  }
  yield `${summarise(groups)}\n`;
}
