import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_ORIGIN } from '../../../electron/core/api/sender.ts';
import { denyWindowOpen, isNavigationAllowed } from '../../../electron/main/window/navigation.ts';

const hostile = [
  'https://app.attacker.example',
  'https://app.attacker.example/index.html',
  'javascript:alert(1)',
  'JavaScript:fetch("https://x")',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'data:text/html,<script>alert(1)</script>',
  'http://authdesk/',
  'app://authdesk.attacker.example/',
  'app://authdesk@attacker.example/',
  'app://user:pass@authdesk/',
  'about:blank',
  '',
  'not a url',
];

for (const url of hostile) {
  test(`navigation to ${JSON.stringify(url)} is refused`, () => {
    assert.equal(isNavigationAllowed(url, APP_ORIGIN), false);
  });
}

test('a reload of the app itself is allowed', () => {
  assert.equal(isNavigationAllowed(`${APP_ORIGIN}/index.html`, APP_ORIGIN), true);
});

test('window.open is denied whatever the URL', () => {
  assert.deepEqual(denyWindowOpen(), { action: 'deny' });
});
