// Runs in: tests.
//
// Copying a code in the app as it ships (dist/main/index.js) against the recording stand-in
// of Electron: main writes the code to Electron's clipboard, pushes codes to the window, and
// takes the code back off the clipboard when the user quits.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setImmediate as settled } from 'node:timers/promises';
import { parseOtpauthUri } from '../../../electron/core/otp/uri.ts';
import { bootMain } from '../../support/electron/boot.ts';
import { standin } from '../../support/electron/standin.ts';
import { createTestCore } from '../../support/core.ts';
import { PASSWORD } from '../../support/vault.ts';

const APP_URL = 'app://authdesk/index.html';

const main = await bootMain(after);
await main.ready();

// A vault with one account, written where main looks for it, before main opens it.
const seeded = createTestCore(join(main.userData, 'vault.authdesk'));
await seeded.core.vault.create(PASSWORD);
const { account } = await seeded.core.accounts.add(parseOtpauthUri('otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP'));
seeded.core.dispose();

test('after unlocking, main pushes the codes to the window and copies one to Electron’s clipboard', async () => {
  assert.deepEqual(await standin.invoke('authdesk:vault.unlock', APP_URL, { password: PASSWORD }), { ok: true, value: { state: 'unlocked', path: join(main.userData, 'vault.authdesk') } });
  const [window] = standin.windows;
  const pushed = window?.contents.sent.filter((sent) => sent.channel === 'authdesk:codes.onCodes').at(-1);
  const codes = pushed?.args[0] as { id: string; code: string }[] | undefined;
  assert.equal(codes?.[0]?.id, account.id);
  assert.match(codes?.[0]?.code ?? '', /^\d{6}$/);

  assert.deepEqual(await standin.invoke('authdesk:codes.copy', APP_URL, { id: account.id }), { ok: true, value: undefined });
  assert.equal(standin.clipboard.text, codes?.[0]?.code);
  assert.ok(standin.called('clipboard.write').length > 0, 'through Electron’s clipboard module');
});

/** Copies the account's code as if main ran on platform, and returns the formats written beside the text. */
async function copyOn(platform: NodeJS.Platform): Promise<Record<string, number[]>> {
  const real = Object.getOwnPropertyDescriptor(process, 'platform');
  Object.defineProperty(process, 'platform', { value: platform });
  try {
    assert.deepEqual(await standin.invoke('authdesk:codes.copy', APP_URL, { id: account.id }), { ok: true, value: undefined });
  } finally {
    if (real) Object.defineProperty(process, 'platform', real);
  }
  assert.match(standin.clipboard.text, /^\d{6}$/, 'the code is there to paste');
  return Object.fromEntries([...standin.clipboard.formats].map(([type, bytes]) => [type, [...bytes]]));
}

test('on Windows a copied code carries the formats that keep it out of clipboard history and the cloud clipboard', async () => {
  assert.deepEqual(await copyOn('win32'), {
    'electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"': [0, 0, 0, 0],
    'electron application/osclipboard;format="CanIncludeInClipboardHistory"': [0, 0, 0, 0],
    'electron application/osclipboard;format="CanUploadToCloudClipboard"': [0, 0, 0, 0],
  });
});

test('on macOS it is marked concealed and transient for clipboard managers; on Linux the text goes alone', async () => {
  assert.deepEqual(Object.keys(await copyOn('darwin')), ['electron application/osclipboard;format="org.nspasteboard.ConcealedType"', 'electron application/osclipboard;format="org.nspasteboard.TransientType"']);
  assert.deepEqual(await copyOn('linux'), {});
});

test('a page from another origin cannot copy', async () => {
  standin.clipboard.text = 'mine';
  const result = (await standin.invoke('authdesk:codes.copy', 'https://app.attacker.example/', { id: account.id })) as { ok: boolean; error?: { code: string } };
  assert.equal(result.error?.code, 'FORBIDDEN_SENDER');
  assert.equal(standin.clipboard.text, 'mine');
});

test('quitting clears the copied code from the clipboard', async () => {
  await standin.invoke('authdesk:codes.copy', APP_URL, { id: account.id });
  assert.match(standin.clipboard.text, /^\d{6}$/);
  standin.quit();
  await settled();
  await settled();
  assert.equal(standin.clipboard.text, '');
});
