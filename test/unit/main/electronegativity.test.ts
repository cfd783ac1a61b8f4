// Runs in: tests.
//
// The security audit: electronegativity over electron/ and the built page (see
// test/support/electronegativity.ts for what it reads and how it stays offline). A HIGH or
// MEDIUM finding fails the run unless build/electronegativity-accepted.json explains it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureBuilt, REPO_ROOT } from '../../support/electron/boot.ts';
import { auditElectron, type Finding } from '../../support/electronegativity.ts';

interface Accepted {
  readonly check: string;
  /** Accepted in this file only... */
  readonly file?: string;
  /** ...or in every file whose windows take the one webPreferences factory's preferences. */
  readonly windowFactory?: boolean;
  readonly why: string;
}

const SERIOUS = new Set(['HIGH', 'MEDIUM']);
const { accepted } = JSON.parse(await readFile(join(REPO_ROOT, 'build', 'electronegativity-accepted.json'), 'utf8')) as { accepted: Accepted[] };
await ensureBuilt();
const audit = await auditElectron(REPO_ROOT);
const serious = audit.findings.filter((finding) => SERIOUS.has(finding.severity));
const usesWindowFactory = new Set<string>();
for (const file of new Set(serious.map((finding) => finding.file))) {
  const source = await readFile(join(REPO_ROOT, file), 'utf8').catch(() => '');
  if (/webPreferences: secureWebPreferences\(/.test(source)) usesWindowFactory.add(file);
}

const explains = (entry: Accepted, finding: Finding) =>
  entry.check === finding.id && (entry.file === finding.file || (entry.windowFactory === true && usesWindowFactory.has(finding.file)));
const named = (entry: Accepted) => `${entry.check} in ${entry.file ?? 'windows built with secureWebPreferences()'}`;
const describe = (finding: Finding) => `${finding.severity} ${finding.id} at ${finding.file}:${finding.line}: ${finding.description} (${finding.sample.trim()})`;

test('electronegativity read every file: a file it cannot parse would go unchecked', () => {
  assert.deepEqual(audit.errors, []);
});

test('no HIGH or MEDIUM finding is left unexplained', () => {
  const unexplained = serious.filter((finding) => !accepted.some((entry) => explains(entry, finding)));
  assert.deepEqual(unexplained.map(describe), [], 'fix these, or add each to build/electronegativity-accepted.json with why it is accepted');
});

test('every accepted finding is still reported and says why', () => {
  for (const entry of accepted) {
    assert.ok(serious.some((finding) => explains(entry, finding)), `${named(entry)} is no longer reported: remove it from the allow-list`);
    assert.ok(entry.why.length >= 40, `${named(entry)}: say why it is accepted`);
  }
});

test('the audit sees the built page’s Content-Security-Policy (only a note, no HIGH or MEDIUM CSP finding)', () => {
  assert.deepEqual(
    audit.findings.filter((finding) => finding.id === 'CSP_GLOBAL_CHECK').map((finding) => [finding.file, finding.severity]),
    [['dist/renderer/index.html', 'LOW']],
  );
});
