// Runs in: tests.
//
// docs/security-model.md's table of Electron's security checklist names, for each of the 20
// items, the tests that hold it. This keeps the table and the tests from drifting apart.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
const CHECKLIST_TESTS = 'test/unit/main/security-checklist.test.ts';
const ITEMS = 20;

const doc = await readFile(join(REPO_ROOT, 'docs', 'security-model.md'), 'utf8');
const section = doc.slice(doc.indexOf("### Electron's security checklist"), doc.indexOf('### Static audit'));
const rows = [...section.matchAll(/^\| (\d+) \|.*\| ([^|]+) \|$/gm)].map(([, item, tests = '']) => ({
  item: Number(item),
  // `name`, or `path` › `name` for a test outside security-checklist.test.ts.
  tests: [...tests.matchAll(/(?:`(test\/[^`]+\.test\.ts)` › )?`([^`]+)`/g)].map(([, file, name = '']) => ({ file: file ?? CHECKLIST_TESTS, name })),
}));

const testNames = async (file: string) => [...(await readFile(join(REPO_ROOT, file), 'utf8')).matchAll(/^test\('([^']+)'/gm)].map(([, name = '']) => name);

test('the table has one row per item of Electron’s checklist, 1 to 20, in order', () => {
  assert.deepEqual(
    rows.map((row) => row.item),
    Array.from({ length: ITEMS }, (_, index) => index + 1),
  );
});

test('every test the table names exists, and each item’s first is its numbered checklist test', async () => {
  for (const { item, tests } of rows) {
    assert.ok(tests[0]?.file === CHECKLIST_TESTS && tests[0].name.startsWith(`${item}. `), `item ${item} names its numbered test first`);
    for (const { file, name } of tests) assert.ok((await testNames(file)).includes(name), `item ${item}: no test '${name}' in ${file}`);
  }
});

test('every numbered checklist test is in the table', async () => {
  const listed = new Set(rows.flatMap((row) => row.tests.filter((t) => t.file === CHECKLIST_TESTS).map((t) => t.name)));
  for (const name of await testNames(CHECKLIST_TESTS)) {
    if (/^\d+\. /.test(name)) assert.ok(listed.has(name), `'${name}' is missing from docs/security-model.md`);
  }
});
