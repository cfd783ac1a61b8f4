// Runs in: tests.
//
// An import reads a bounded amount whatever it is given: a device or a pipe is refused before
// reading, a file is read up to the cap and no further, each format has a size a real backup
// of it never reaches, and no file may list more accounts than anyone has.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isAuthdeskError, type ErrorCode } from '../../../electron/core/errors.ts';
import { importData, MAX_IMPORT_BYTES, readImportFile } from '../../../electron/core/transfer/index.ts';

const MIB = 1024 * 1024;
const POSIX = process.platform !== 'win32';

function rejectsWith(code: ErrorCode, pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(isAuthdeskError(error, code), `expected ${code}, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  };
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-import-'));
  after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('a device, a pipe or a folder is refused before anything is read', { skip: !POSIX }, async () => {
  const dir = await tempDir();
  const fifo = join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
  // /dev/zero never ends and the pipe has no writer: reading either would never finish.
  for (const path of ['/dev/zero', '/dev/urandom', fifo, dir]) {
    await assert.rejects(readImportFile(path), rejectsWith('INVALID_INPUT', /not a regular file/), path);
  }
});

test('a file larger than any backup is refused after reading one byte past the cap', async () => {
  const dir = await tempDir();
  const big = join(dir, 'big.json');
  await writeFile(big, '');
  // Sparse: the size is there without the disk space.
  await truncate(big, 4 * MAX_IMPORT_BYTES);
  await assert.rejects(readImportFile(big), rejectsWith('IMPORT_MALFORMED', /larger than an authenticator backup can be \(32 MiB at most\)/));
  await assert.rejects(readImportFile(join(dir, 'missing.json')), rejectsWith('NOT_FOUND', /no file there/));
  const small = join(dir, 'small.txt');
  await writeFile(small, 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\n');
  assert.equal((await importData(await readImportFile(small))).entries.length, 1);
});

const LINE = 'otpauth://totp/Example:someone?secret=JBSWY3DPEHPK3PXP&issuer=Example\n';

test('text-only formats stop at 8 MiB, a Bitwarden export at 16 MiB', async () => {
  const list = LINE.repeat(Math.ceil((8 * MIB + 1) / LINE.length));
  await assert.rejects(importData(list), rejectsWith('IMPORT_MALFORMED', /larger than a list of otpauth:\/\/ links can be \(8 MiB at most\)/));
  const row = `,0,login,Example,,,0,,someone,,${LINE}`;
  const csv = `folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n${row.repeat(Math.ceil((16 * MIB + 1) / row.length))}`;
  await assert.rejects(importData(csv), rejectsWith('IMPORT_MALFORMED', /larger than a Bitwarden export can be \(16 MiB at most\)/));
  assert.equal((await importData(LINE.repeat(1000))).entries.length, 1000, 'a list well under the cap imports');
});

test('a file listing more than 100,000 entries is refused, whatever the format', async () => {
  const tooMany = /more than 100,000 entries/;
  await assert.rejects(importData('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP\n'.repeat(100_001)), rejectsWith('IMPORT_MALFORMED', tooMany));
  await assert.rejects(importData(`[${Array(100_001).fill('{}').join(',')}]`, { format: 'andotp' }), rejectsWith('IMPORT_MALFORMED', tooMany));
  await assert.rejects(importData(JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 3, entries: Array(100_001).fill(0) } })), rejectsWith('IMPORT_MALFORMED', tooMany));
});
