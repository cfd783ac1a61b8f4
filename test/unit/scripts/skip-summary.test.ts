// Runs in: tests. The skip-summary reporter, run as `npm test` runs it, on a file that skips.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';

const REPORTER = join(import.meta.dirname, '../../../scripts/skip-summary.ts');

async function lastLine(testSource: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-skips-'));
  after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'sample.test.ts'), testSource);
  // Without this the inner run would think it is a child of ours and report to us instead.
  const env = { ...process.env, NODE_TEST_CONTEXT: undefined };
  const { stdout } = await promisify(execFile)(process.execPath, ['--test', `--test-reporter=${REPORTER}`, '--test-reporter-destination=stdout', 'sample.test.ts'], { cwd: dir, env });
  return stdout.trimEnd().split('\n').at(-1) ?? '';
}

test('a run that skipped nothing says so', async () => {
  assert.equal(await lastLine("import { test } from 'node:test';\ntest('runs', () => {});\n"), 'skipped: none');
});

test('one reason: the count, the file and why', async () => {
  const source = "import { test } from 'node:test';\nfor (const name of ['a', 'b']) test(name, { skip: 'no browser' }, () => {});\ntest('runs', () => {});\n";
  assert.equal(await lastLine(source), 'skipped: 2 tests (sample.test.ts: no browser)');
});

test('several reasons: counted and grouped by reason, with their files; a skipped suite is named as one', async () => {
  const source = [
    "import { describe, test } from 'node:test';",
    "describe('hidden', { skip: 'no binary' }, () => { test('inside', () => {}); });",
    "test('a', { skip: 'no browser' }, () => {});",
    "test('b', { skip: 'no browser' }, () => {});",
    "test('c', { skip: true }, () => {});",
    "test('runs', () => {});",
  ].join('\n');
  assert.equal(
    await lastLine(source),
    'skipped: 3 tests and 1 suite (1 suite in sample.test.ts: no binary; 2 tests in sample.test.ts: no browser; 1 test in sample.test.ts: no reason given)',
  );
});
