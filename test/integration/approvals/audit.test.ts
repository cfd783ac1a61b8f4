// Runs in: tests. The approvals audit log exported where the person picks, as JSON and as CSV:
// every challenge with who, what, from where, how it ended, when and on which device; a cell a
// spreadsheet would run as a formula is quoted; a cancelled dialog writes nothing.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ALICE, startRig, until } from './support.ts';

test('the audit log as JSON and CSV, with the context and the decision of each challenge', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  const enrolment = await rig.enrol(profileId, ALICE);
  const approved = rig.raise(ALICE, 'Sign in to the admin console');
  await rig.next('challenge');
  await rig.core.approvals.decide(approved, 'APPROVE', rig.numberOf(approved));
  const hostile = rig.raise(ALICE, '=HYPERLINK("http://evil.example","pay")');
  await rig.next('challenge');
  await rig.core.approvals.decide(hostile, 'REPORT', undefined);
  await until(() => rig.core.approvals.audit({}).filter((r) => r.status !== null).length === 2, 'both decided in the audit log');

  const dir = await mkdtemp(join(tmpdir(), 'authdesk-audit-'));
  rig.dialogs.answer('saveFile', join(dir, 'audit.json'));
  assert.deepEqual(await rig.core.approvals.exportAudit('json'), { saved: true, fileName: 'audit.json', count: 2 });
  const json = JSON.parse(await readFile(join(dir, 'audit.json'), 'utf8')) as { format: string; records: Record<string, unknown>[] };
  assert.equal(json.format, 'authdesk-approvals-audit');
  const [first, second] = json.records;
  assert.deepEqual(
    { id: second?.challengeId, status: second?.status, decidedBy: second?.decidedBy, decidedHere: second?.decidedHere, origin: second?.origin, profile: second?.profileName, account: second?.account },
    { id: approved, status: 'APPROVED', decidedBy: enrolment.deviceId, decidedHere: true, origin: '203.0.113.7', profile: 'Weavr work', account: ALICE },
  );
  assert.equal(first?.status, 'REPORTED');
  assert.deepEqual(first?.flags, ['reported']);

  rig.dialogs.answer('saveFile', join(dir, 'audit.csv'));
  await rig.core.approvals.exportAudit('csv');
  const lines = (await readFile(join(dir, 'audit.csv'), 'utf8')).trimEnd().split('\r\n');
  assert.equal(lines[0], 'challengeId,profile,account,provider,action,origin,createdAt,expiresAt,status,reason,flags,decidedAt,decidedBy,decidedHere');
  assert.equal(lines.length, 3);
  assert.ok(lines[1]!.startsWith(`${hostile},Weavr work,${ALICE},weavr,"'=HYPERLINK(""http://evil.example"",""pay"")",203.0.113.7,`), 'the formula is quoted');
  assert.match(lines[1]!, /,REPORTED,,reported,\d{4}-\d\d-\d\dT[^,]+Z,[0-9a-f-]+,yes$/);
  assert.match(lines[2]!, /,APPROVED,,,/);

  rig.dialogs.answer('saveFile', null);
  assert.deepEqual(await rig.core.approvals.exportAudit('csv'), { saved: false });
  assert.deepEqual((await readdir(dir)).sort(), ['audit.csv', 'audit.json']);
});
