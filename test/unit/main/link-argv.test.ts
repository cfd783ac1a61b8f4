// Runs in: tests. Which of a launch's arguments are account links (electron/main/links/argv.ts):
// whole otpauth:// and otpauth-migration:// links, wherever Chromium put them, and nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linksIn, MAX_LINK_CHARS, MAX_LINKS } from '../../../electron/main/links/argv.ts';
import { GITHUB, MIGRATION } from '../../fixtures/qr/links.ts';

test('a link is found among the executable, the app path and Chromium’s switches', () => {
  assert.deepEqual(linksIn(['/usr/lib/authdesk/authdesk', '--no-sandbox', GITHUB, '--original-process-start-time=13']), [GITHUB]);
  assert.deepEqual(linksIn(['electron', '/home/me/authdesk', MIGRATION]), [MIGRATION]);
  assert.deepEqual(linksIn(['C:\\Authdesk\\Authdesk.exe', 'OTPAUTH://totp/X:y?secret=JBSWY3DPEHPK3PXP']), ['OTPAUTH://totp/X:y?secret=JBSWY3DPEHPK3PXP'], 'the scheme in any case');
});

test('no link: nothing', () => {
  assert.deepEqual(linksIn(['authdesk']), []);
  assert.deepEqual(linksIn([]), []);
});

test('anything that is not a whole account link is ignored', () => {
  assert.deepEqual(
    linksIn([
      'https://example.com/?next=otpauth://totp/x',
      '--url=otpauth://totp/x?secret=JBSWY3DP',
      'otpauth:totp/x?secret=JBSWY3DP',
      'otpauth-migrationx://offline?data=AA',
      'otpauth://',
      `${GITHUB}\notpauth://totp/Evil:x?secret=JBSWY3DP`,
      ' otpauth://totp/x?secret=JBSWY3DP',
      'otpauth://totp/x?secret=JBSWY3DP\totpauth://totp/y?secret=JBSWY3DP',
    ]),
    [],
  );
});

test('a link is bounded in length, and only so many are read', () => {
  const long = `otpauth://totp/A:b?secret=${'A'.repeat(MAX_LINK_CHARS)}`;
  assert.deepEqual(linksIn([long]), []);
  const many = Array.from({ length: 100 }, (_, i) => `otpauth://totp/A:${i}?secret=JBSWY3DPEHPK3PXP`);
  assert.equal(linksIn(many).length, MAX_LINKS);
  assert.deepEqual(linksIn([...Array.from({ length: 64 }, () => '--x'), GITHUB]), [], 'arguments after the 64th are not read');
});
