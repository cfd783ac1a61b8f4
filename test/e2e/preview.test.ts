// Runs in: tests (Node, driving Chromium). `npm run preview` as a person uses it: the real
// process, its printed URL opened in Chromium, a vault made and locked from the page, the
// requests it must refuse, and a clean exit on SIGTERM. Saves the page in light and dark.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { channelName } from '../../electron/core/api/spec.ts';
import { CALL_PATH, EVENTS_PATH } from '../../scripts/preview/endpoints.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumSkipReason } from './support/chromium.ts';
import { REPO_ROOT } from './support/renderer-build.ts';

const skip = chromiumSkipReason();
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const PASSWORD = 'plum orbit lantern 42';
const URL_LINE = /^\{"url":"(http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]{43})"\}$/;

interface Preview {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** Every line the process wrote to stdout so far. */
  readonly stdout: string[];
  /** Sends SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

async function startPreview(...args: string[]): Promise<Preview> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'preview.ts'), '--json', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const stdout: string[] = [];
  const firstLine = new Promise<string>((done) => createInterface({ input: child.stdout }).on('line', (line) => done(stdout[stdout.push(line) - 1] ?? '')));
  const line = await Promise.race([firstLine, exited.then((code) => Promise.reject(new Error(`the preview exited with ${code} before printing its URL: ${stderr}`)))]);
  const match = URL_LINE.exec(line);
  assert.ok(match?.[1] && match[2], `the one stdout line is {"url": ...} with a 32-byte token: ${line}`);
  return {
    url: `${match[1]}/?token=${match[2]}`,
    origin: match[1],
    token: match[2],
    stdout,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A raw request, so that Host and Content-Length say exactly what the test wants. */
function send(origin: string, method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const { hostname, port } = new URL(origin);
    const outgoing = request({ hostname, port, path, method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, body: text }));
    });
    outgoing.on('error', fail);
    // A declared length with no body: the refusal must come before the body would.
    if (headers['Content-Length'] === undefined) outgoing.end(body);
    else outgoing.flushHeaders();
  });
}

const call = (preview: Preview, member: string, headers: Record<string, string>) =>
  send(preview.origin, 'POST', CALL_PATH, { 'Content-Type': 'application/json', ...headers }, JSON.stringify({ channel: channelName('vault', member) }));

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function createVault(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Create your vault' });
  await form.getByLabel('Vault password').fill(PASSWORD);
  await form.getByLabel('Repeat the password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
}

const vaultPathOf = (page: Page) => page.evaluate(async () => {
  const status = await window.authdesk.vault.status();
  return status.ok ? status.value.path : `refused: ${status.error.code}`;
});

describe('npm run preview', () => {
  let browser: Browser;
  const running: Preview[] = [];

  before(async () => {
    if (skip) return;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await Promise.all(running.map((preview) => preview.stop()));
  });

  test('serves the window with the real core, refuses strangers, and cleans up on SIGTERM', { skip }, async () => {
    const preview = await startPreview();
    running.push(preview);
    const context = await browser.newContext({ viewport: { width: 1120, height: 720 }, colorScheme: 'light' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(preview.url);
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    assert.equal(page.url(), `${preview.origin}/`, 'the token is taken out of the address bar');
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'preview-create-light.png') });
    const vaultPath = await vaultPathOf(page);
    assert.ok(vaultPath.startsWith(join(tmpdir(), 'authdesk-preview-')), `a throwaway vault by default: ${vaultPath}`);

    await createVault(page);
    assert.equal(await page.getByTestId('vault-badge').innerText(), 'Vault unlocked');
    assert.equal(await exists(vaultPath), true);

    // Another tab of the same origin, in dark: the vault's state is the core's, not the page's.
    const dark = await browser.newContext({ viewport: { width: 1120, height: 720 }, colorScheme: 'dark' });
    const darkPage = await dark.newPage();
    await darkPage.goto(preview.url);
    await darkPage.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    await page.mouse.move(900, 700);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-unlocked-light.png') });
    await darkPage.mouse.move(900, 700);
    await darkPage.screenshot({ path: join(ARTIFACTS, 'preview-unlocked-dark.png') });

    // Refused before anything runs: the vault stays unlocked.
    const refusals = {
      'no token': await call(preview, 'lock', {}),
      'a wrong token': await call(preview, 'lock', { Authorization: `Bearer ${'A'.repeat(43)}` }),
      'a foreign Origin': await call(preview, 'lock', { Authorization: `Bearer ${preview.token}`, Origin: 'http://evil.example' }),
      'a foreign Host': await call(preview, 'lock', { Authorization: `Bearer ${preview.token}`, Host: `evil.example:${new URL(preview.origin).port}` }),
    };
    for (const [what, answer] of Object.entries(refusals)) {
      assert.equal(answer.status, 403, `a call with ${what} is refused`);
      assert.match(answer.body, /FORBIDDEN_SENDER/, what);
    }
    assert.equal((await send(preview.origin, 'GET', EVENTS_PATH, {})).status, 403, 'the event stream wants the token too');
    assert.equal((await send(preview.origin, 'PUT', '/', {})).status, 405);
    const oversized = await send(preview.origin, 'POST', CALL_PATH, { Authorization: `Bearer ${preview.token}`, 'Content-Length': String(2 * 1024 * 1024) });
    assert.equal(oversized.status, 413);
    assert.equal(await page.getByTestId('vault-badge').innerText(), 'Vault unlocked');

    // A tab opened without the token (a new tab holds none) gets the app's refusal notice.
    const stranger = await context.newPage();
    await stranger.goto(`${preview.origin}/`);
    const notice = stranger.getByRole('alert');
    await notice.waitFor();
    assert.match(await notice.innerText(), /did not carry the preview’s token/);
    await stranger.screenshot({ path: join(ARTIFACTS, 'preview-no-token-light.png') });
    await stranger.close();

    // With the token, from the page: the Lock button, and both tabs hear the core's event.
    await page.getByRole('button', { name: /^Lock/ }).click();
    await page.getByRole('heading', { name: 'Your vault is locked' }).waitFor();
    await darkPage.getByRole('heading', { name: 'Your vault is locked' }).waitFor();
    assert.equal(await page.getByTestId('vault-badge').innerText(), 'Vault locked');
    await page.reload();
    await page.getByRole('heading', { name: 'Your vault is locked' }).waitFor();
    assert.deepEqual(problems, [], 'no CSP violation, no error');
    await Promise.all([context.close(), dark.close()]);

    assert.equal(await preview.stop(), 0);
    assert.equal(await exists(dirname(vaultPath)), false, 'the throwaway vault folder is removed on exit');
    assert.equal(preview.stdout.length, 1, `--json prints one line and nothing else: ${preview.stdout.join('\n')}`);
  });

  test('--vault FILE makes and keeps the vault in that file', { skip }, async () => {
    const folder = await mkdtemp(join(tmpdir(), 'authdesk-preview-test-'));
    try {
      const file = join(folder, 'reviews', 'demo.authdesk');
      const preview = await startPreview('--vault', file);
      running.push(preview);
      const page = await browser.newPage();
      await page.goto(preview.url);
      assert.equal(await vaultPathOf(page), file);
      await createVault(page);
      assert.equal(await exists(file), true);
      await page.close();
      assert.equal(await preview.stop(), 0);
      assert.equal(await exists(file), true, 'a vault the user named is kept');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
