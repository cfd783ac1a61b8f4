import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_ORIGIN, isTrustedSender } from '../../../electron/core/api/sender.ts';

test('the app’s own frames are trusted', () => {
  assert.equal(isTrustedSender(`${APP_ORIGIN}/index.html`), true);
  assert.equal(isTrustedSender(`${APP_ORIGIN}/`), true);
  assert.equal(isTrustedSender('http://127.0.0.1:4173/#/codes', 'http://127.0.0.1:4173'), true);
});

test('foreign and look-alike frames are refused', () => {
  for (const url of [
    'https://app.attacker.example/',
    'app://authdesk.attacker.example/',
    'app://authdesk@attacker.example/',
    'app://x:y@authdesk/',
    'app://authdeskx/',
    'file:///index.html',
    'about:blank',
    'data:text/html,hi',
    'http://127.0.0.1:4174/',
    '',
    'garbage',
  ]) {
    const trusted = url.startsWith('http://127') ? 'http://127.0.0.1:4173' : APP_ORIGIN;
    assert.equal(isTrustedSender(url, trusted), false, url);
  }
  assert.equal(isTrustedSender(undefined), false);
  assert.equal(isTrustedSender(null), false);
});
