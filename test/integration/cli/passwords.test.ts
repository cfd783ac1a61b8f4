// Runs in: tests. Where import and export passwords come from (PasswordSource.other).
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { describe, it } from 'node:test';
import type { CliIo } from '../../../electron/cli/io.ts';
import { PasswordSource } from '../../../electron/cli/passwords.ts';

const OPTION = { option: '--export-password' };

function io(stdin: CliIo['stdin'], env: NodeJS.ProcessEnv = {}): CliIo {
  return { stdin, stdout: new PassThrough(), stderr: new PassThrough(), env };
}

describe('passwords other than the vault password', () => {
  it('takes the option first, then the environment, then the line after the vault password', async () => {
    const lines = () => Readable.from(['vault password\nfile password\n']);
    assert.equal(await new PasswordSource(io(lines(), { AUTHDESK_EXPORT_PASSWORD: 'from env' }), true).other('export password', 'AUTHDESK_EXPORT_PASSWORD', { ...OPTION, given: 'given' }), 'given');
    assert.equal(await new PasswordSource(io(lines(), { AUTHDESK_EXPORT_PASSWORD: 'from env' }), true).other('export password', 'AUTHDESK_EXPORT_PASSWORD', OPTION), 'from env');
    const source = new PasswordSource(io(lines()), true);
    assert.equal(await source.current(), 'vault password');
    assert.equal(await source.other('export password', 'AUTHDESK_EXPORT_PASSWORD', OPTION), 'file password');
    await assert.rejects(new PasswordSource(io(lines()), false).other('export password', 'AUTHDESK_EXPORT_PASSWORD', OPTION), { code: 'INVALID_INPUT', message: /give --export-password/ });
  });

  it('asks a terminal, twice when the password is being set, and refuses two different ones', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
    const stderr = new PassThrough();
    let shown = '';
    stderr.setEncoding('utf8').on('data', (c: string) => (shown += c));
    const terminal: CliIo = { ...io(stdin), stderr };
    const source = new PasswordSource(terminal, false);
    const asked = source.other('export password', 'AUTHDESK_EXPORT_PASSWORD', { ...OPTION, confirm: true });
    stdin.write('same one\r');
    setImmediate(() => stdin.write('same one\r'));
    assert.equal(await asked, 'same one');
    assert.equal(shown, 'Export password: \nRepeat the export password: \n');
    const differ = source.other('export password', 'AUTHDESK_EXPORT_PASSWORD', { ...OPTION, confirm: true });
    stdin.write('first\r');
    setImmediate(() => stdin.write('second\r'));
    await assert.rejects(differ, { code: 'INVALID_INPUT', message: /differ/ });
  });

  it('a secret given as - is typed unseen on a terminal, else read as the next line of standard input', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
    const stderr = new PassThrough();
    let shown = '';
    stderr.setEncoding('utf8').on('data', (c: string) => (shown += c));
    const typed = new PasswordSource({ ...io(stdin), stderr }, false).secret('secret (Base32)');
    stdin.write('JBSWY3DPEHPK3PXP\r');
    assert.equal(await typed, 'JBSWY3DPEHPK3PXP');
    assert.equal(shown, 'Secret (Base32): \n');

    const piped = new PasswordSource(io(Readable.from(['otpauth://totp/x?secret=A\nvault password\n'])), true);
    assert.equal(await piped.secret('otpauth:// link'), 'otpauth://totp/x?secret=A');
    assert.equal(await piped.current(), 'vault password');
  });
});
