// Runs in: tests.
//
// The lint rules that keep processes apart must actually fire: each case lints a snippet as if
// it lived at the given path, through the project's own eslint.config.js.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

const BOUNDARY_RULES = new Set(['no-restricted-imports', 'shipped-code/no-test-imports']);

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

const cases: Array<[string, string, boolean]> = [
  ['electron/core/vault/x.ts', "import { app } from 'electron';\nexport const a = app;", true],
  ['electron/core/vault/x.ts', "import { a } from '../../main/index.ts';\nexport const b = a;", true],
  ['electron/core/x.ts', "import { a } from '../preload/bridge.ts';\nexport const b = a;", true],
  ['electron/core/otp/x.ts', "import { a } from '../../cli/program.ts';\nexport const b = a;", true],
  ['electron/core/otp/x.ts', "import { a } from '../api/spec.ts';\nexport const b = a;", false],
  ['renderer/src/x.ts', "import { readFile } from 'node:fs';\nexport const a = readFile;", true],
  ['renderer/src/x.ts', "import { readFile } from 'fs';\nexport const a = readFile;", true],
  ['renderer/src/x.ts', "import { a } from '../../electron/core/api/spec.ts';\nexport const b = a;", true],
  ['renderer/src/x.ts', "import type { AuthdeskBridge } from '../../electron/preload/bridge.ts';\nexport type B = AuthdeskBridge;", false],
  ['electron/main/x.ts', "import { a } from '../preload/bridge.ts';\nexport const b = a;", true],
  ['electron/main/window/x.ts', "import { a } from '../../cli/program.ts';\nexport const b = a;", true],
  ['electron/preload/x.ts', "import { a } from '../main/ipc.ts';\nexport const b = a;", true],
  ['electron/cli/x.ts', "import { app } from 'electron';\nexport const a = app;", true],
  ['electron/cli/commands/x.ts', "import { a } from '../../main/ipc.ts';\nexport const b = a;", true],
  ['electron/main/x.ts', "import { a } from '../core/api/spec.ts';\nexport const b = a;", false],
  ['electron/main/x.ts', "import { a } from '../../scripts/preview/server.ts';\nexport const b = a;", true],
  ['electron/cli/commands/x.ts', "import { a } from '../../../scripts/build.ts';\nexport const b = a;", true],
  ['electron/core/app/x.ts', "import { a } from '../../../scripts/preview/token.ts';\nexport const b = a;", true],
  // Shipped code never reaches test/, the sandbox included, by any kind of import.
  ['electron/cli/commands/x.ts', "import { startSandbox } from '../../../test/sandbox/index.ts';\nexport const a = startSandbox;", true],
  ['electron/cli/commands/x.ts', "const { startSandbox } = await import('../../../test/sandbox/index.ts');\nexport const a = startSandbox;", true],
  ['electron/cli/commands/x.ts', 'export const f = () => import(`../../../test/sandbox/print.ts`);', true],
  ['electron/cli/x.ts', "export { totp } from '../../test/sandbox/totp.ts';", true],
  ['electron/cli/x.ts', "export * from '../../test/sandbox/index.ts';", true],
  ['electron/cli/x.ts', "import { startSandbox } from '@authdesk/sandbox';\nexport const a = startSandbox;", true],
  ['electron/main/x.ts', "import { FakeClock } from '../../test/support/clock.ts';\nexport const a = FakeClock;", true],
  ['electron/main/window/x.ts', "export const f = () => import('../../../test/support/clock.ts');", true],
  ['electron/main/x.ts', "const { startSandbox } = require('../../test/sandbox/index.ts');\nexport const a = startSandbox;", true],
  ['electron/preload/x.ts', "import type { Sandbox } from '../../test/sandbox/index.ts';\nexport type S = Sandbox;", true],
  ['electron/core/vault/x.ts', "export const f = () => import('../../../test/support/vault.ts');", true],
  ['renderer/src/x.ts', "export const f = () => import('../../test/sandbox/seed.ts');", true],
  ['electron/cli/commands/x.ts', "export const f = () => import('./code.ts');", false],
  ['electron/cli/x.ts', "import { a } from '../test/x.ts';\nexport const b = a;", false],
  ['test/sandbox/x.ts', "import { a } from '../../electron/core/otp/totp.ts';\nexport const b = a;", false],
];

for (const [file, code, shouldFail] of cases) {
  test(`${shouldFail ? 'refuses' : 'allows'} in ${file}: ${code.split('\n')[0]}`, async () => {
    const messages = await restricted(file, code);
    assert.equal(messages.length > 0, shouldFail, messages.join('; ') || 'no restriction reported');
  });
}
