import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { mimeTypeOf, resolveAsset } from '../../../electron/main/window/resolve-asset.ts';

const root = resolve('/srv/authdesk/renderer');

test('serves files inside the renderer folder', () => {
  assert.equal(resolveAsset(root, 'app://authdesk/', 'authdesk'), join(root, 'index.html'));
  assert.equal(resolveAsset(root, 'app://authdesk/index.html', 'authdesk'), join(root, 'index.html'));
  assert.equal(resolveAsset(root, 'app://authdesk/assets/app-1a2b.js', 'authdesk'), join(root, 'assets/app-1a2b.js'));
  assert.equal(resolveAsset(root, 'app://authdesk/assets/a%20b.css', 'authdesk'), join(root, 'assets/a b.css'));
});

const traversals = [
  'app://authdesk/../../etc/passwd',
  'app://authdesk/%2e%2e/%2e%2e/etc/passwd',
  'app://authdesk/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
  'app://authdesk/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'app://authdesk/..%5c..%5cwindows%5cwin.ini',
  'app://authdesk/%252e%252e/etc/passwd',
  'app://authdesk/C:/Windows/win.ini',
  'app://authdesk/%00index.html',
  'app://authdesk/%E0%A4%A',
  'app://other-host/index.html',
  'app://authdesk.attacker.example/index.html',
];

// The URL parser folds dot segments (even %2e%2e) before we see the path, so some of these
// land on a harmless path inside the folder; none may leave it.
for (const url of traversals) {
  test(`never leaves the renderer folder: ${url}`, () => {
    const resolved = resolveAsset(root, url, 'authdesk');
    if (resolved !== null) assert.ok(resolved.startsWith(root + '/'), `${url} escaped to ${resolved}`);
  });
}

for (const url of [
  'app://authdesk/..%5c..%5cwindows%5cwin.ini',
  'app://authdesk/C:/Windows/win.ini',
  'app://authdesk/%00index.html',
  'app://authdesk/%E0%A4%A',
  'app://other-host/index.html',
  'app://authdesk.attacker.example/index.html',
]) {
  test(`refuses outright: ${url}`, () => {
    assert.equal(resolveAsset(root, url, 'authdesk'), null);
  });
}

test('an encoded climb that survives URL parsing is refused', () => {
  assert.equal(resolveAsset(root, 'app://authdesk/assets/..%2f..%2f..%2fetc%2fpasswd', 'authdesk'), null);
});

test('double-encoded dots stay a literal (missing) file name inside the folder', () => {
  assert.equal(resolveAsset(root, 'app://authdesk/%252e%252e/etc/passwd', 'authdesk'), join(root, '%2e%2e/etc/passwd'));
});

test('content types', () => {
  assert.equal(mimeTypeOf('a/index.html'), 'text/html; charset=utf-8');
  assert.equal(mimeTypeOf('a/app.JS'), 'text/javascript; charset=utf-8');
  assert.equal(mimeTypeOf('a/blob.bin'), 'application/octet-stream');
});
