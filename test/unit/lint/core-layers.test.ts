// Runs in: tests. The layer rule of electron/core must fire on every kind of import that
// crosses a layer the wrong way, and stay quiet on the ones the table allows: each case lints
// a snippet as if it lived at the given path, through the project's own eslint.config.js.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'authdesk/core-layers').map((m) => m.message);
}

const refused: Array<[string, string, RegExp]> = [
  ['electron/core/vault/x.ts', "import type { VaultStatus } from '../api/types.ts';\nexport type S = VaultStatus;", /must not import from electron\/core\/api/],
  ['electron/core/platform/x.ts', "import type { AppInfo } from '../api/types.ts';\nexport type A = AppInfo;", /layer errors, platform/],
  ['electron/core/otp/x.ts', "import type { Account } from '../vault/model.ts';\nexport type A = Account;", /electron\/core\/vault/],
  ['electron/core/errors.ts', "import { systemClock } from './platform/ports.ts';\nexport const c = systemClock;", /peers/],
  ['electron/core/accounts/x.ts', "import { importData } from '../transfer/index.ts';\nexport const i = importData;", /peers/],
  ['electron/core/providers/x/client.ts', "import { a } from '../../sessions/manager.ts';\nexport const b = a;", /electron\/core\/sessions/],
  ['electron/core/sessions/x.ts', "import { a } from '../app/core.ts';\nexport const b = a;", /electron\/core\/app/],
  ['electron/core/app/x.ts', "import { contract } from '../api/contract.ts';\nexport const c = contract;", /electron\/core\/api/],
  ['electron/core/vault/x.ts', "export async function f() { return import('../accounts/accounts.ts'); }", /electron\/core\/accounts/],
  ['electron/core/vault/x.ts', 'export async function f() { return import(`../accounts/accounts.ts`); }', /electron\/core\/accounts/],
  ['electron/core/vault/x.ts', 'export async function f(name: string) { return import(`../${name}.ts`); }', /name its module literally/],
  ['electron/core/vault/x.ts', "export { contract } from '../api/contract.ts';", /electron\/core\/api/],
  ['electron/core/vault/x.ts', "export * from '../api/types.ts';", /electron\/core\/api/],
  ['electron/core/vault/x.ts', "export type T = import('../api/types.ts').AppInfo;", /electron\/core\/api/],
  ['electron/core/gadgets/x.ts', "import { AuthdeskError } from '../errors.ts';\nexport const E = AuthdeskError;", /not in the layer table/],
];

const allowed: Array<[string, string]> = [
  ['electron/core/vault/x.ts', "import { AuthdeskError } from '../errors.ts';\nexport const E = AuthdeskError;"],
  ['electron/core/vault/x.ts', "import { envelope } from './envelope.ts';\nexport const e = envelope;"],
  ['electron/core/otp/x.ts', "import type { Clock } from '../platform/ports.ts';\nexport type C = Clock;"],
  ['electron/core/transfer/aegis/x.ts', "import { seal } from '../../vault/password-seal.ts';\nexport const s = seal;"],
  ['electron/core/api/x.ts', "import { createCore } from '../app/core.ts';\nexport const c = createCore;"],
  ['electron/core/sessions/x.ts', "export async function f() { return import('../providers/registry.ts'); }"],
  ['electron/core/vault/x.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;"],
];

for (const [file, code, expected] of refused) {
  test(`refuses in ${file}: ${code.split('\n')[0]}`, async () => {
    const messages = await layerErrors(file, code);
    assert.equal(messages.length, 1, messages.join('; ') || 'no layer error reported');
    assert.match(messages[0] ?? '', expected);
  });
}

for (const [file, code] of allowed) {
  test(`allows in ${file}: ${code.split('\n')[0]}`, async () => {
    assert.deepEqual(await layerErrors(file, code), []);
  });
}

test('the core as it is obeys its layers', async () => {
  const results = await eslint.lintFiles(['electron/core/**/*.ts']);
  const found = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'authdesk/core-layers').map((m) => `${r.filePath}: ${m.message}`));
  assert.deepEqual(found, []);
});
