// Runs in: tests. `authdesk devices, approvals, approve, deny` as a script uses them: the real
// CLI in child processes against the sandbox over real sockets, with DESIGN §9's exit codes
// (1 usage, 4 provider or network, 5 not found) and the JSON shapes the issue names.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { AUTHDESK, PASSWORD, freshVault, type Run } from './support.ts';

const ALICE = 'weavr:alice@example.com';

function ok(run: Run): Run {
  assert.equal(run.code, 0, `exit ${run.code}: ${run.stderr}`);
  return run;
}

describe('authdesk devices, approvals, approve, deny', { timeout: 120_000 }, () => {
  let sandbox: Sandbox;
  let offset = 0;
  let refs = 800_001;
  before(async () => {
    sandbox = await startSandbox({ clock: { now: () => Date.now() + offset } });
  });
  after(() => sandbox.close());

  async function link(): Promise<string> {
    const response = await fetch(`${sandbox.urls.approvals}/pairings`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${sandbox.seed.approvals.serviceKey}` }, body: JSON.stringify({ account: ALICE }),
    });
    return ((await response.json()) as { link: string }).link;
  }

  /** A challenge for alice as Weavr raises one; a minute passes on the server first, below its limit of 3 a minute. */
  function raise(action = 'Step up the Weavr session for Example Trading Ltd'): string {
    offset += 61_000;
    return sandbox.approvals.create({ account: ALICE, provider: 'weavr', ref: String(refs++), action, origin: '198.51.100.4' }, () => undefined)!.id;
  }

  async function enrolled() {
    const vault = await freshVault(after);
    ok(await vault.run(['profile', 'add', 'work', '--provider', 'weavr', '--url', sandbox.urls.weavr, '--username', 'alice@example.com'], { AUTHDESK_PROFILE_PASSWORD: 'weavr-alice' }));
    const enrol = ok(await vault.run(['devices', 'enrol', 'work', '--pairing', await link(), '--name', 'CLI desk', '--json']));
    return { ...vault, enrolment: JSON.parse(enrol.stdout) as { profile: string; account: string; deviceId: string; name: string; numberDigits: number } };
  }

  it('enrols with a pairing link, lists the account\'s devices and revokes one', async () => {
    const { run, enrolment } = await enrolled();
    assert.deepEqual({ ...enrolment, deviceId: typeof enrolment.deviceId }, { profile: 'work', account: ALICE, deviceId: 'string', name: 'CLI desk', numberDigits: 3 });
    const listed = JSON.parse(ok(await run(['devices', 'list', 'work', '--json'])).stdout) as { devices: { deviceId: string; name: string; thisDevice: boolean }[] };
    const mine = listed.devices.find((d) => d.deviceId === enrolment.deviceId);
    assert.deepEqual([mine?.name, mine?.thisDevice], ['CLI desk', true]);
    ok(await run(['devices', 'revoke', 'work', enrolment.deviceId]));
    const after = await run(['devices', 'list', 'work']);
    assert.equal(after.code, 5, 'the key is forgotten: nothing enrolled here');
    assert.match(after.stderr, /not enrolled on this computer/);
  });

  it('lists pending requests as {id, profile, action, origin, expiresAt}; approve with the number, deny with --report; exit codes 1, 4, 5', async () => {
    const { run } = await enrolled();
    assert.deepEqual(JSON.parse(ok(await run(['approvals', '--json'])).stdout), []);
    const first = raise();
    const listed = JSON.parse(ok(await run(['approvals', '--json'])).stdout) as Record<string, string>[];
    assert.deepEqual(listed.map((p) => Object.keys(p)), [['id', 'profile', 'action', 'origin', 'expiresAt']]);
    assert.deepEqual({ ...listed[0], expiresAt: undefined }, { id: first, profile: 'work', action: 'Step up the Weavr session for Example Trading Ltd', origin: '198.51.100.4', expiresAt: undefined });
    assert.ok(Date.parse(listed[0]!.expiresAt!) > Date.now());

    assert.equal((await run(['approve', first])).code, 1, 'no --number');
    assert.equal((await run(['approve', 'no-such-request', '--number', '123'])).code, 5);
    const number = sandbox.approvals.get(first)!.number;
    const approved = ok(await run(['approve', first.slice(0, 8), '--number', number, '--json']));
    assert.deepEqual(JSON.parse(approved.stdout), { id: first, status: 'APPROVED', reason: null, flagged: false });
    assert.equal(sandbox.approvals.get(first)?.status, 'APPROVED');

    const second = raise();
    const wrong = number === '999' ? '998' : String(Number(sandbox.approvals.get(second)!.number) === 999 ? 998 : Number(sandbox.approvals.get(second)!.number) + 1);
    const mismatch = await run(['approve', second, '--number', wrong]);
    assert.equal(mismatch.code, 4);
    assert.match(mismatch.stderr, /denied and flagged/);

    const third = raise();
    assert.deepEqual(JSON.parse(ok(await run(['deny', third, '--report', '--json'])).stdout), { id: third, status: 'REPORTED', reason: null, flagged: true });
    assert.match(ok(await run(['approvals'])).stdout, /^No push requests are waiting\.\n$/);
    const audit = JSON.parse(ok(await run(['approvals', '--audit', '--json'])).stdout) as { challengeId: string; status: string; flags: string[] }[];
    assert.deepEqual(audit.map((r) => [r.challengeId, r.status, r.flags]), [[third, 'REPORTED', ['reported']], [second, 'DENIED', ['number-mismatch']], [first, 'APPROVED', []]]);
    assert.match(ok(await run(['approvals', '--audit'])).stdout, /Z {2}work: Step up the Weavr session for Example Trading Ltd from 198\.51\.100\.4: reported here \[reported\]\n/);
  });

  it('guessed pairing tokens: exit 4 with words, then the wait once the server limits them', async () => {
    const vault = await freshVault(after);
    ok(await vault.run(['profile', 'add', 'guess', '--provider', 'weavr', '--url', sandbox.urls.weavr, '--username', 'alice@example.com'], { AUTHDESK_PROFILE_PASSWORD: 'x' }));
    const guess = (await link()).replace(/token=[^&]+/, `token=${randomBytes(32).toString('base64url')}`);
    const first = await vault.run(['devices', 'enrol', 'guess', '--pairing', guess]);
    assert.equal(first.code, 4);
    assert.match(first.stderr, /refused the pairing token/);
    let last: Run = first;
    for (let i = 1; i < 6; i += 1) last = await vault.run(['devices', 'enrol', 'guess', '--pairing', guess]);
    assert.equal(last.code, 4);
    assert.match(last.stderr, /Too many wrong pairing attempts .* Wait 15 minutes/);
    // The limit lasts 15 minutes on the server's clock; the tests after this one enrol again.
    offset += 16 * 60_000;
  });

  it('approvals --watch --json: one JSON line per event until Ctrl+C', async () => {
    const { path } = await enrolled();
    const child = spawn(process.execPath, [AUTHDESK, 'approvals', '--watch', '--json', '--vault', path], { env: { ...process.env, AUTHDESK_PASSWORD: PASSWORD }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end();
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    const lines = async (count: number) => {
      const deadline = Date.now() + 15_000;
      while (stdout.split('\n').filter(Boolean).length < count) {
        if (Date.now() > deadline) throw new Error(`waited for ${count} lines, got: ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    };
    // The stream is open once the CLI has caught up; give it the time a person would.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const id = raise('Log in to the admin console');
    const [challenge] = await lines(1);
    assert.deepEqual({ ...challenge, expiresAt: typeof challenge?.expiresAt }, { event: 'challenge', id, profile: 'work', action: 'Log in to the admin console', origin: '198.51.100.4', expiresAt: 'string' });
    sandbox.approvals.settle(id, 'DENIED');
    const [, resolved] = await lines(2);
    assert.deepEqual(resolved, { event: 'resolved', id, status: 'DENIED', reason: null, flagged: false });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    assert.equal(await exited, 0);
  });
});
