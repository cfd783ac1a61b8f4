// Runs in: tests (Node, driving Chromium). The renderer's locks: CSP, no Node in the page, a
// bridge that cannot be replaced, and a router that refuses foreign callers and bad input.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { ConsoleMessage } from 'playwright-core';
import { contract } from '../../electron/core/api/contract/index.ts';
import { channelName } from '../../electron/core/api/spec.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { startHarness, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();

/** GET with the path exactly as written (no client-side "../" clean-up). */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const { hostname, port } = new URL(origin);
    request({ hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
    })
      .on('error', fail)
      .end();
  });
}

describe('renderer security', () => {
  let harness: Harness;

  before(async () => {
    if (skip) return;
    harness = await startHarness();
  });

  after(async () => {
    await harness?.close();
  });

  test('the app loads under its CSP without a single violation', { skip }, async () => {
    const { page, appUrl } = harness;
    const problems: string[] = [];
    const record = (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    };
    page.on('console', record);
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(appUrl);
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    for (const screen of ['Approvals', 'Sessions', 'Settings', 'Codes']) await page.getByRole('button', { name: new RegExp(`^${screen}`) }).click();
    page.off('console', record);
    assert.deepEqual(problems, []);
    const response = await page.request.get(appUrl);
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1);
  });

  test('an injected inline script, inline style and eval are all blocked', { skip }, async () => {
    const outcome = await harness.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.injected = "ran"';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { background: rgb(255, 0, 0) !important; }';
      document.head.append(style);
      // DevTools lets code it evaluates use eval; a callback run later by the page's own event
      // loop is held to the page's CSP like any app code.
      const evalRan = await new Promise<boolean>((settled) =>
        setTimeout(() => {
          try {
            settled((0, eval)('true') as boolean);
          } catch {
            settled(false);
          }
        }),
      );
      await new Promise((settled) => setTimeout(settled, 50));
      return {
        scriptRan: document.documentElement.dataset.injected === 'ran',
        background: getComputedStyle(document.body).backgroundColor,
        evalRan,
        // The header and the meta tag both enforce the policy, so each breach is reported twice.
        violations: [...new Set(violations)].sort(),
      };
    });
    assert.equal(outcome.scriptRan, false);
    assert.notEqual(outcome.background, 'rgb(255, 0, 0)');
    assert.equal(outcome.evalRan, false);
    assert.deepEqual(outcome.violations, ['script-src', 'script-src-elem', 'style-src-elem']);
  });

  test('the page has no Node: no require, no process, no module, no Buffer', { skip }, async () => {
    const types = await harness.page.evaluate(() => [typeof require, typeof process, typeof module, typeof Buffer]);
    assert.deepEqual(types, ['undefined', 'undefined', 'undefined', 'undefined']);
  });

  test('window.authdesk is frozen and cannot be replaced', { skip }, async () => {
    const result = await harness.page.evaluate(() => {
      const original = window.authdesk;
      Reflect.set(window, 'authdesk', { vault: {} });
      Reflect.set(window.authdesk.vault, 'status', () => 'hijacked');
      return {
        same: window.authdesk === original,
        frozen: Object.isFrozen(window.authdesk) && Object.isFrozen(window.authdesk.vault) && Object.isFrozen(window.authdesk.start),
        deleted: Reflect.deleteProperty(window, 'authdesk'),
        namespaces: Object.keys(window.authdesk).sort(),
      };
    });
    // The contract's namespaces, and `start`, the window's first calls (electron/preload/start-calls.ts).
    assert.deepEqual(result, { same: true, frozen: true, deleted: false, namespaces: [...Object.keys(contract), 'start'].sort() });
  });

  test('a call from another origin is refused with FORBIDDEN_SENDER, and the app says so', { skip }, async () => {
    const foreign = await harness.context.newPage();
    try {
      await foreign.goto(harness.foreignUrl);
      const notice = foreign.getByRole('alert');
      await notice.waitFor();
      assert.match(await notice.innerText(), /did not come from Authdesk’s own window/);
      assert.match(await notice.innerText(), /FORBIDDEN_SENDER/);
      const result = await foreign.evaluate(() => window.authdesk.app.info());
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.error.code, 'FORBIDDEN_SENDER');
    } finally {
      await foreign.close();
    }
  });

  test('invalid input is refused with INVALID_INPUT, without echoing it', { skip }, async () => {
    const result = await harness.page.evaluate(() =>
      (window.authdesk.vault.status as (input: unknown) => ReturnType<typeof window.authdesk.vault.status>)({ path: 'hunter2-secret' }),
    );
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'INVALID_INPUT');
    assert.doesNotMatch(JSON.stringify(result), /hunter2/);

    const unknown = await harness.page.evaluate(
      (channel) => (globalThis as unknown as { __authdeskInvoke(c: string, i: unknown): Promise<unknown> }).__authdeskInvoke(channel, undefined),
      channelName('vault', 'erase'),
    );
    assert.deepEqual(unknown, { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown request vault.erase.' } });
  });

  test('the test server refuses to serve files outside the renderer folder', { skip }, async () => {
    const origin = new URL(harness.appUrl).origin;
    for (const path of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json']) {
      const { status, body } = await rawGet(origin, path);
      assert.ok(status === 403 || status === 404, `${path} answered ${status}`);
      assert.doesNotMatch(body, /"name": "authdesk"/, path);
    }
    assert.equal((await rawGet(origin, '/index.html')).status, 200);
  });
});
