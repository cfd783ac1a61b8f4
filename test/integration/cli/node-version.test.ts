// Runs in: tests. `authdesk` run from source on an older Node.js says what it needs, instead
// of failing on the TypeScript it cannot parse.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../../electron/cli/authdesk.mjs', import.meta.url));
const OLD_NODE = '/usr/bin/node';
const oldVersion = existsSync(OLD_NODE) ? execFileSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).trim().slice(1) : null;

function skipReason(): string | false {
  if (oldVersion === null) return `${OLD_NODE} is absent: no older Node.js to run`;
  if (Number(oldVersion.split('.')[0]) >= 24) return `${OLD_NODE} is Node ${oldVersion}, not older than 24`;
  return false;
}

describe('the authdesk entry and the Node.js version', () => {
  it('on an older Node.js: exit 1 and one sentence saying Authdesk needs Node 24', { skip: skipReason() }, () => {
    for (const args of [['--help'], ['list', '--vault', '/nowhere/vault.authdesk']]) {
      const run = spawnSync(OLD_NODE, [ENTRY, ...args], { encoding: 'utf8' });
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `Authdesk needs Node.js 24 or later (this is Node ${oldVersion}).\n`);
    }
  });

  it('on Node 24 the same entry runs the CLI', () => {
    const run = spawnSync(process.execPath, [ENTRY, '--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
