// Runs in: benchmarks. `node test/bench/run.ts approvals`
//
// approvals.latency: from the sandbox publishing a challenge to the core's approvals.onEvent
// announcing it (SSE over loopback, parsed and checked, fatigue rules, the pending view), over
// 1,000 challenges sent one after another, p50 and p99. The baseline is a raw SSE reader (the
// sandbox conformance tests' device) on the same server, receiving the same challenges for a
// second device of the account. Target: p99 under 100 ms.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/index.ts';
import { createTestCore } from '../support/core.ts';
import { PASSWORD } from '../support/vault.ts';
import { TestDevice } from '../integration/sandbox/device.ts';
import { result, type BenchResult } from './measure.ts';

const CHALLENGES = 1000;
const ACCOUNT = 'weavr:alice@example.com';

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export default async function (): Promise<BenchResult[]> {
  // The server raises at most 3 challenges a minute per account: its clock moves a minute on every third.
  let offset = 0;
  const sandbox = await startSandbox({ clock: { now: () => Date.now() + offset } });
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-bench-approvals-'));
  const { core } = createTestCore(join(dir, 'vault.authdesk'));
  try {
    await core.vault.create(PASSWORD);
    const profile = await core.profiles.create({ name: 'Weavr', provider: 'weavr', url: sandbox.urls.weavr, username: 'alice@example.com', secret: 'weavr-alice' });
    const pairing = await (await fetch(`${sandbox.urls.approvals}/pairings`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${sandbox.seed.approvals.serviceKey}` }, body: JSON.stringify({ account: ACCOUNT }),
    })).json() as { link: string };
    await core.devices.enrol(profile.id, pairing.link, 'Bench desk');
    const raw = await TestDevice.enrolled(sandbox, ACCOUNT, 'Raw reader');
    const reader = await raw.stream();
    while (core.devices.enrolments()[0]?.stream !== 'connected') await new Promise((resolve) => setTimeout(resolve, 10));

    const arrived = new Map<string, (at: number) => void>();
    core.approvals.onEvent((event) => {
      if (event.type === 'challenge') arrived.get(event.approval.id)?.(performance.now());
    });
    const inCore: number[] = [];
    const inRawReader: number[] = [];
    for (let i = 0; i < CHALLENGES; i += 1) {
      if (i % 3 === 0) offset += 61_000;
      const sent = performance.now();
      const challengeId = sandbox.approvals.create({ account: ACCOUNT, provider: 'weavr', ref: String(500_000 + i), action: 'Step up the Weavr session', origin: '203.0.113.7' }, () => undefined)!.id;
      // Nothing arrives before the next await: the listener and the reader are in place in time.
      const coreAt = new Promise<number>((resolve) => arrived.set(challengeId, resolve));
      const rawAt = (async () => {
        for (;;) {
          const event = await reader.next(5000);
          if (!event) throw new Error('the raw reader got nothing');
          if (event.type === 'challenge' && event.data.challengeId === challengeId) return performance.now();
        }
      })();
      const [core_, raw_] = await Promise.all([coreAt, rawAt]);
      inCore.push(core_ - sent);
      inRawReader.push(raw_ - sent);
      arrived.delete(challengeId);
    }
    reader.close();
    const name = (p: number) => `approvals: server send to challenge event in core, p${p} of ${CHALLENGES} on loopback (baseline: raw SSE reader)`;
    return [
      result('approvals.latency', name(99), percentile(inCore, 99), percentile(inRawReader, 99), { of: 'value', max: 100 }),
      result('approvals.latency.p50', name(50), percentile(inCore, 50), percentile(inRawReader, 50)),
    ];
  } finally {
    await core.devices.stop();
    core.dispose();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}
