// Electron's security checklist (electronjs.org/docs/latest/tutorial/security), one test per
// item, each checking the code or configuration that makes it hold. The real app repeats the
// observable ones in test/electron where an Electron binary exists.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { contract } from '../../../electron/core/api/contract/index.ts';
import { createHandlers } from '../../../electron/core/api/handlers/index.ts';
import { createRouter } from '../../../electron/core/api/router.ts';
import { APP_ORIGIN, isTrustedSender } from '../../../electron/core/api/sender.ts';
import { APP_ENTRY_URL, APP_RESPONSE_HEADERS, APP_SCHEME_PRIVILEGES } from '../../../electron/main/window/app-scheme.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window/csp.ts';
import { guardWebContents } from '../../../electron/main/window/guards.ts';
import { denyAllPermissions } from '../../../electron/main/window/permissions.ts';
import { secureWebPreferences } from '../../../electron/main/window/web-preferences.ts';
import { buildBridge } from '../../../electron/preload/bridge.ts';
import { createTestCore } from '../../support/core.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const prefs = secureWebPreferences('/p.cjs');
const csp = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k ?? '', v]));

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ts|svelte)$/.test(entry.name)) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

function fakeContents() {
  const events = new EventEmitter();
  let openHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    on: (name: string, fn: (...args: unknown[]) => void) => events.on(name, fn),
    setWindowOpenHandler: (fn: (details: { url: string }) => unknown) => {
      openHandler = fn;
    },
  };
  guardWebContents(contents as never, APP_ORIGIN);
  const attempt = (name: string, url: string) => {
    let prevented = false;
    const event = { url, preventDefault: () => (prevented = true) };
    events.emit(name, event, url);
    return prevented;
  };
  return { attempt, open: (url: string) => openHandler?.({ url }) };
}

test('1. only secure content: the app loads from its own secure scheme, never http', () => {
  assert.match(APP_ENTRY_URL, /^app:\/\/authdesk\//);
  assert.equal(APP_SCHEME_PRIVILEGES.secure, true);
  assert.ok(![...csp.values()].flat().some((source) => /^(http|https|ws|wss):/.test(source) || source === '*'));
});

test('2. no Node.js integration for any content', () => {
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInWorker, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
});

test('3. context isolation', () => assert.equal(prefs.contextIsolation, true));

test('4. process sandboxing', async () => {
  assert.equal(prefs.sandbox, true);
  assert.match(await readFile(join(root, 'electron/main/index.ts'), 'utf8'), /app\.enableSandbox\(\)/);
});

test('5. permission requests are denied', () => {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (fn: never) => (handlers.request = fn),
    setPermissionCheckHandler: (fn: never) => (handlers.check = fn),
    setDevicePermissionHandler: (fn: never) => (handlers.device = fn),
    on: (_name: string, fn: never) => (handlers.download = fn),
  };
  denyAllPermissions(session as never);
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
    let granted: boolean | undefined;
    handlers.request?.({}, permission, (answer: boolean) => (granted = answer));
    assert.equal(granted, false, permission);
  }
  assert.equal(handlers.check?.(), false);
  assert.equal(handlers.device?.(), false);
  let downloadPrevented = false;
  handlers.download?.({ preventDefault: () => (downloadPrevented = true) });
  assert.equal(downloadPrevented, true);
});

test('6. webSecurity stays on', () => assert.equal(prefs.webSecurity, true));

test('7. a strict Content-Security-Policy on every response', () => {
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.deepEqual(csp.get('script-src'), ["'self'"]);
  assert.deepEqual(csp.get('object-src'), ["'none'"]);
  assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
  assert.ok(!CONTENT_SECURITY_POLICY.includes('unsafe-inline') && !CONTENT_SECURITY_POLICY.includes('unsafe-eval'));
  assert.equal(APP_RESPONSE_HEADERS['Content-Security-Policy'], CONTENT_SECURITY_POLICY);
});

test('8. no insecure content', () => assert.equal(prefs.allowRunningInsecureContent, false));
test('9. no experimental features', () => assert.equal(prefs.experimentalFeatures, false));
test('10. no enableBlinkFeatures', () => assert.equal(prefs.enableBlinkFeatures, undefined));

test('11. and 12. no <webview>: the tag is off and any attach is prevented', () => {
  assert.equal(prefs.webviewTag, false);
  assert.equal(fakeContents().attempt('will-attach-webview', 'https://app.attacker.example/'), true);
});

test('13. navigation is limited to the app itself', () => {
  const guarded = fakeContents();
  for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
    assert.equal(guarded.attempt(name, 'https://app.attacker.example/'), true, name);
    assert.equal(guarded.attempt(name, 'file:///etc/passwd'), true, name);
    assert.equal(guarded.attempt(name, APP_ENTRY_URL), false, name);
  }
});

test('14. new windows are never created', () => {
  assert.deepEqual(fakeContents().open('https://app.attacker.example/'), { action: 'deny' });
  assert.deepEqual(fakeContents().open(APP_ENTRY_URL), { action: 'deny' });
});

test('15. shell.openExternal is never called with page content (not used at all)', async () => {
  for (const file of [...(await sourceFiles('electron')), ...(await sourceFiles('renderer/src'))]) {
    assert.doesNotMatch(await readFile(file, 'utf8'), /\bopenExternal\s*\(/, file);
  }
});

test('16. a current Electron', async () => {
  const installed = JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  assert.ok(Number(installed.version.split('.')[0]) >= 45, installed.version);
});

test('17. the sender of every IPC message is validated', async () => {
  const { core, prompts } = createTestCore('/nonexistent/vault.authdesk');
  const router = createRouter(contract, createHandlers(core, prompts), { isTrustedSender: (url) => isTrustedSender(url, APP_ORIGIN) });
  for (const channel of router.channels) {
    const result = await router.handle(channel, 'https://app.attacker.example/', undefined);
    assert.equal(!result.ok && result.error.code, 'FORBIDDEN_SENDER', channel);
  }
});

test('18. no file:// protocol: a custom protocol serves the app', async () => {
  assert.doesNotMatch(APP_ENTRY_URL, /^file:/);
  for (const file of await sourceFiles('electron/main')) assert.doesNotMatch(await readFile(file, 'utf8'), /loadFile\s*\(|['"`]file:\/\//, file);
});

test('19. fuses: what Authdesk never uses is switched off in the packaged app', async () => {
  const config = parseYaml(await readFile(join(root, 'build/electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
  assert.deepEqual(config.electronFuses, {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  });
});

test('20. no Electron API reaches the page: window.authdesk is the contract and only the contract', async () => {
  const seen: string[] = [];
  const bridge = buildBridge({ invoke: async (channel) => (seen.push(channel), { ok: true, value: null }), subscribe: () => () => {} }) as unknown as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.keys(bridge).sort(), Object.keys(contract).sort());
  for (const [namespace, group] of Object.entries(bridge)) {
    assert.ok(Object.isFrozen(group));
    assert.deepEqual(Object.keys(group).sort(), Object.keys(contract[namespace as keyof typeof contract]).sort());
    for (const member of Object.values(group)) assert.equal(typeof member, 'function');
  }
  assert.ok(Object.isFrozen(bridge));
  const preload = await readFile(join(root, 'electron/preload/index.ts'), 'utf8');
  assert.equal(preload.match(/exposeInMainWorld/g)?.length, 1);
  assert.doesNotMatch(preload, /exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
});
