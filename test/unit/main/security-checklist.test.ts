// Runs in: tests.
//
// Electron's security checklist (electronjs.org/docs/latest/tutorial/security), one test per
// item. Each checks what main does, booted as it ships against the recording stand-in of
// Electron: what reaches Electron, not how main is written. Fuses and the Electron version are
// configuration and are read as such. test/electron repeats the observable items in real
// Electron where a binary exists.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setImmediate as settled } from 'node:timers/promises';
import { runInNewContext } from 'node:vm';
import type { WebPreferences } from 'electron';
import { parse as parseYaml } from 'yaml';
import { contract } from '../../../electron/core/api/contract/index.ts';
import { channelName, members } from '../../../electron/core/api/spec.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window/csp.ts';
import { FIRST_SCREEN_ROWS } from '../../../electron/preload/start-calls.ts';
import { bootMain, DIST_DIR, REPO_ROOT } from '../../support/electron/boot.ts';
import { standin } from '../../support/electron/standin.ts';

const APP_URL = 'app://authdesk/index.html';
const FOREIGN_URL = 'https://app.attacker.example/';

const PALETTE_URL = 'app://authdesk/palette.html';
const APP_PAGES = [APP_URL, PALETTE_URL];

const main = await bootMain(after);
await main.ready();
// Every window, not just the first: the quick-search palette's, made hidden once the main
// window is ready to show, and the window reopened when the app is activated after its last
// one closed (the macOS dock). Every webContents, not just the windows': one born later.
await settled();
await settled();
standin.windows[0]?.close();
await settled();
standin.app.emit('activate', {}, false);
standin.newContents();

function everyWindow(): WebPreferences[] {
  assert.equal(standin.windows.length, 3, 'main opens a window at start, the palette once it is ready, and a window again on activate');
  assert.deepEqual(
    standin.windows.map((window) => window.loaded),
    [[APP_URL], [PALETTE_URL], [APP_URL]],
  );
  return standin.windows.map((window) => window.options.webPreferences ?? {});
}

function assertEveryWindow<K extends keyof WebPreferences>(preference: K, expected: WebPreferences[K]): void {
  for (const [index, prefs] of everyWindow().entries()) assert.equal(prefs[preference], expected, `window ${index + 1}: webPreferences.${preference}`);
}

function everyContents() {
  assert.equal(standin.contents.length, 4, "the three windows' webContents and one created later");
  return standin.contents;
}

async function appResponse(url = APP_URL) {
  const response = await standin.fetch(url);
  assert.equal(response.status, 200, url);
  return response;
}

function cspDirectives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]));
}

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(REPO_ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ts|svelte)$/.test(entry.name)) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

test('1. only secure content: every window loads the app from its own secure scheme, which allows nothing from the network', async () => {
  for (const window of standin.windows) assert.ok(window.loaded.length === 1 && APP_PAGES.includes(window.loaded[0] ?? ''), window.loaded.join());
  const [registration] = standin.called('protocol.registerSchemesAsPrivileged');
  assert.deepEqual(
    (registration?.args[0] as { scheme: string; privileges: { secure?: boolean } }[]).map(({ scheme, privileges }) => [scheme, privileges.secure]),
    [['app', true]],
  );
  const sources = [...cspDirectives((await appResponse()).headers.get('Content-Security-Policy') ?? '').values()].flat();
  assert.ok(!sources.some((source) => /^(https?|wss?):/.test(source) || source.includes('*')), sources.join(' '));
});

test('2. no Node.js integration for any content, in any window', () => {
  assertEveryWindow('nodeIntegration', false);
  assertEveryWindow('nodeIntegrationInWorker', false);
  assertEveryWindow('nodeIntegrationInSubFrames', false);
});

test('3. context isolation in every window', () => assertEveryWindow('contextIsolation', true));

test('4. process sandboxing: enabled for the whole app before it is ready, and in every window', () => {
  const sandboxAt = standin.calls.findIndex((call) => call.api === 'app.enableSandbox');
  assert.ok(sandboxAt >= 0, 'main calls app.enableSandbox()');
  assert.equal(standin.calls[sandboxAt]?.beforeReady, true, 'before the app is ready');
  assert.ok(sandboxAt < standin.calls.findIndex((call) => call.api === 'new BrowserWindow'), 'before the first window');
  assertEveryWindow('sandbox', true);
});

test('5. permission requests, checks and device requests are denied; downloads are prevented', async () => {
  const page = everyContents()[0];
  assert.ok(page);
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'pointerLock']) {
    assert.equal(await standin.session.request(page, permission, APP_URL), false, `request ${permission}`);
    assert.equal(standin.session.check(page, permission, APP_URL), false, `check ${permission}`);
  }
  for (const device of ['usb', 'hid', 'serial'] as const) assert.equal(standin.session.device(device, 'app://authdesk'), false, device);
  assert.equal(standin.session.download(page, 'https://app.attacker.example/payload.exe'), true);
});

test('6. webSecurity stays on in every window', () => assertEveryWindow('webSecurity', true));

test('7. a strict Content-Security-Policy on every response of the app', async () => {
  const page = await appResponse();
  const script = /<script[^>]+src="([^"]+)"/.exec(await page.text())?.[1];
  assert.ok(script, 'index.html loads a script');
  for (const response of [page, await appResponse(new URL(script, APP_URL).href), await appResponse(PALETTE_URL)]) {
    const policy = response.headers.get('Content-Security-Policy') ?? '';
    assert.equal(policy, CONTENT_SECURITY_POLICY);
    const csp = cspDirectives(policy);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
  }
});

test('8. no insecure content in any window', () => assertEveryWindow('allowRunningInsecureContent', false));
test('9. no experimental features in any window', () => assertEveryWindow('experimentalFeatures', false));

test('10. no enableBlinkFeatures in any window', () => {
  for (const [index, prefs] of everyWindow().entries()) assert.ok(!('enableBlinkFeatures' in prefs), `window ${index + 1}: webPreferences.enableBlinkFeatures`);
});

test('11. no <webview> with allowpopups: the tag itself is off in every window', () => assertEveryWindow('webviewTag', false));

test('12. a <webview> is stopped before creation: every webContents prevents its attach', () => {
  for (const [index, contents] of everyContents().entries()) assert.equal(contents.attachWebview(FOREIGN_URL), true, `webContents ${index + 1}`);
});

test('13. navigation is limited to the app itself, on every webContents', () => {
  for (const [index, contents] of everyContents().entries()) {
    for (const kind of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
      for (const url of [FOREIGN_URL, 'file:///etc/passwd', 'app://authdesk.attacker.example/', 'javascript:alert(1)']) {
        assert.equal(contents.navigate(kind, url), true, `webContents ${index + 1}: ${kind} to ${url} is prevented`);
      }
      assert.equal(contents.navigate(kind, APP_URL), false, `webContents ${index + 1}: ${kind} to the app itself is allowed`);
    }
  }
});

test('14. new windows are never created, from any webContents', () => {
  for (const [index, contents] of everyContents().entries()) {
    for (const url of [FOREIGN_URL, APP_URL]) assert.deepEqual(contents.open(url), { action: 'deny' }, `webContents ${index + 1}: ${url}`);
  }
});

test('15. shell.openExternal is never called with page content (not used at all)', async () => {
  for (const contents of everyContents()) {
    contents.open(FOREIGN_URL);
    contents.navigate('will-navigate', FOREIGN_URL);
  }
  assert.deepEqual(standin.called('shell.openExternal'), []);
  // A second guard for code paths the boot does not reach.
  for (const file of [...(await sourceFiles('electron')), ...(await sourceFiles('renderer/src'))]) {
    assert.doesNotMatch(await readFile(file, 'utf8'), /\bopenExternal\s*\(/, file);
  }
});

test('16. a current Electron', async () => {
  const installed = JSON.parse(await readFile(join(REPO_ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  assert.ok(Number(installed.version.split('.')[0]) >= 45, installed.version);
});

test('17. the sender of every IPC message is validated: every channel main handles refuses a foreign or missing frame', async () => {
  const calls = [...members(contract)].filter(({ spec }) => spec.kind === 'call').map(({ namespace, member }) => channelName(namespace, member));
  assert.deepEqual(standin.channels().sort(), calls.sort(), 'main handles exactly the calls of the contract');
  for (const channel of standin.channels()) {
    for (const sender of [FOREIGN_URL, 'app://authdesk.attacker.example/index.html', null, undefined]) {
      const result = (await standin.invoke(channel, sender, undefined)) as { ok: boolean; error?: { code: string } };
      assert.equal(result.ok, false, `${channel} from ${sender}`);
      assert.equal(result.error?.code, 'FORBIDDEN_SENDER', `${channel} from ${sender}`);
    }
  }
});

test('18. no file:// protocol: every window loads the app over app://, which main serves', async () => {
  const loaded = standin.windows.flatMap((window) => window.loaded);
  assert.ok(loaded.length > 0);
  for (const url of loaded) assert.equal(new URL(url).protocol, 'app:', url);
  assert.match(await (await appResponse()).text(), /<html/i);
});

test('19. fuses: what Authdesk never uses is switched off in the packaged app', async () => {
  const config = parseYaml(await readFile(join(REPO_ROOT, 'build/electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
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

test('20. no Electron API reaches the page: the built preload exposes window.authdesk, the contract and only the contract', async () => {
  const preload = join(DIST_DIR, 'preload', 'index.cjs');
  const exposed: [string, Record<string, Record<string, unknown>>][] = [];
  const invoked: unknown[][] = [];
  const ipcRenderer = { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: null })), on() {}, removeListener() {} };
  const electron = { contextBridge: { exposeInMainWorld: (key: string, api: never) => exposed.push([key, api]) }, ipcRenderer };
  // Note (sandboxed preload): in a sandboxed renderer the preload can require 'electron' and
  // little else; this require offers only that, so a preload that needs more fails here too.
  const require = (id: string) => {
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${id}`);
  };
  runInNewContext(await readFile(preload, 'utf8'), { require, module: { exports: {} }, exports: {} }, { filename: preload });

  assert.deepEqual(exposed.map(([key]) => key), ['authdesk']);
  const [, bridge] = exposed[0] ?? ['', {}];
  assert.ok(Object.isFrozen(bridge));
  // Beside the contract's namespaces, `start`: the window's first two calls, made through the
  // contract's own channels as the preload runs (electron/preload/start-calls.ts).
  assert.deepEqual(Object.keys(bridge).sort(), [...Object.keys(contract), 'start'].sort());
  for (const [namespace, group] of Object.entries(bridge)) {
    assert.ok(Object.isFrozen(group), namespace);
    const expected = namespace === 'start' ? ['firstScreen', 'ready', 'status'] : Object.keys(contract[namespace as keyof typeof contract]);
    assert.deepEqual(Object.keys(group).sort(), expected.sort());
    for (const member of Object.values(group)) assert.equal(typeof member, 'function');
  }
  // The input was made in the preload's own context: compared as JSON, not by prototype.
  assert.equal(JSON.stringify(invoked), JSON.stringify([[channelName('vault', 'status'), undefined], [channelName('accounts', 'firstScreen'), { count: FIRST_SCREEN_ROWS }]]));
  invoked.length = 0;
  await (bridge.vault?.status as () => Promise<unknown>)();
  assert.deepEqual(invoked, [[channelName('vault', 'status'), undefined]], 'a call reaches main as one invoke of its channel');
});
