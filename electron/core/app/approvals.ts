// Runs in: main, CLI, tests.
//
// The approvals service: challenges that arrive on the enrolled profiles' streams, shown,
// collapsed or held by the fatigue rules, answered with a signed decision, and kept in the
// vault's audit log from arrival to end. Devices and their streams live in app/devices.ts,
// which hands every stream event to `handle`.
//
// Note (announce first, then record): a challenge is shown and announced as soon as it is
// parsed, and then written to the audit log with the stream's cursor in one vault write; the
// cursor only moves after that write, so a crash in between replays the challenge rather than
// lose it. Change together with approvals/challenge-stream.ts.

import { basename } from 'node:path';
import type { VaultAccess } from '../accounts/vault-access.ts';
import { approvalRecords, withApprovalRecord } from '../approvals/approval-audit.ts';
import { auditCsv, auditJson } from '../approvals/audit-export.ts';
import type { DeviceApi, Signer } from '../approvals/device-api.ts';
import { FatigueGuard, type FatigueLimits } from '../approvals/fatigue.ts';
import { serverErrorOf } from '../approvals/server-errors.ts';
import type { Challenge, Resolution, ServerEvent } from '../approvals/stream-events.ts';
import type { ApprovalEvent, ApprovalsView, AuditExported, AuditFormat, Decision, DecisionResult, EnrolmentView, PendingApproval } from '../approvals/views.ts';
import { AuthdeskError } from '../errors.ts';
import { describeFileError } from '../platform/file-errors.ts';
import type { Clock, Dialogs, Notifier } from '../platform/ports.ts';
import { writeOwnFile } from '../vault/atomic-file.ts';
import type { ApprovalFlag, ApprovalRecord, ChallengeStatus, DeviceKey, VaultData } from '../vault/model.ts';
import { isVaultFile } from '../vault/own-files.ts';

/** The device that answers for a profile, while its vault is unlocked. */
export interface Answerer {
  readonly api: DeviceApi;
  readonly signer: Signer;
}

export interface ApprovalsOptions {
  readonly vault: VaultAccess;
  readonly vaultPath: string;
  readonly clock: Clock;
  readonly notifier: Notifier | null;
  readonly dialogs: Dialogs | null;
  readonly limits: () => FatigueLimits;
  readonly answerer: (profileId: string) => Answerer | null;
}

interface Pending {
  readonly challenge: Challenge;
  readonly profileId: string;
  readonly profileName: string;
  held: boolean;
  readonly burst: boolean;
  readonly expiry: { cancel(): void };
}

const FILE_FILTERS = {
  json: { name: 'JSON', extensions: ['json'] },
  csv: { name: 'CSV (spreadsheet)', extensions: ['csv'] },
} as const;

/** Ended challenges remembered for their words (a few hours of heavy use). */
const ENDED_KEEP = 200;

function expiredError(): AuthdeskError {
  return new AuthdeskError('PROVIDER_ERROR', 'This request expired, so it can no longer be answered; nothing was sent. Ask for a new one from the requesting screen.');
}

function flagsOf(resolution: Resolution, earlier: readonly ApprovalFlag[]): ApprovalFlag[] {
  const flags = new Set(earlier);
  if (resolution.reason === 'NUMBER_MISMATCH') flags.add('number-mismatch');
  if (resolution.status === 'REPORTED') flags.add('reported');
  return [...flags];
}

export class ApprovalsService {
  readonly #options: ApprovalsOptions;
  readonly #pending = new Map<string, Pending>();
  readonly #fatigue = new FatigueGuard();
  readonly #listeners = new Set<(event: ApprovalEvent) => void>();
  /** How challenges that left the list ended, so a late answer is told why rather than "not found". */
  readonly #ended = new Map<string, ChallengeStatus>();
  readonly #deciding = new Set<string>();
  #inFlight = new AbortController();
  /** The last stream write, which a decision's record waits for (the challenge's own record may be in it). */
  #lastWrite: Promise<unknown> = Promise.resolve();

  constructor(options: ApprovalsOptions) {
    this.#options = options;
  }

  /** Challenges waiting for an answer, and per profile how many are held back. */
  pending(): ApprovalsView {
    const now = this.#options.clock.now();
    const visible = [...this.#pending.values()].filter((p) => !p.held && p.challenge.expiresAt > now).sort((a, b) => a.challenge.createdAt - b.challenge.createdAt);
    const items: PendingApproval[] = [];
    for (const profileId of new Set(visible.map((p) => p.profileId))) {
      const group = visible.filter((p) => p.profileId === profileId);
      if (group.some((p) => p.burst)) {
        const head = group[group.length - 1]!;
        items.push(this.#item(head, true, group.slice(0, -1).map((p) => p.challenge.challengeId)));
      } else {
        for (const p of group) items.push(this.#item(p, false, []));
      }
    }
    const held = new Map<string, { profileName: string; count: number }>();
    for (const p of this.#pending.values()) {
      if (!p.held) continue;
      held.set(p.profileId, { profileName: p.profileName, count: (held.get(p.profileId)?.count ?? 0) + 1 });
    }
    return { pending: items, held: [...held].map(([profileId, h]) => ({ profileId, ...h })) };
  }

  onEvent(listener: (event: ApprovalEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Answers a challenge with a signed decision; the server's answer says how it ended. */
  async decide(id: string, decision: Decision, typedNumber: string | undefined): Promise<DecisionResult> {
    const entry = this.#pending.get(id);
    const ended = this.#ended.get(id);
    if (ended === 'EXPIRED') throw expiredError();
    if (ended) throw new AuthdeskError('PROVIDER_ERROR', `This request was already ${ended.toLowerCase()}, so it can no longer be answered; nothing was sent.`);
    if (!entry) throw new AuthdeskError('NOT_FOUND', 'There is no pending request with that id: it was answered, expired, or never came here. List the pending requests again.');
    if (entry.held) throw new AuthdeskError('INVALID_INPUT', `This request for ${entry.profileName} is held because recent requests were denied. Open the held requests first, then decide.`);
    const digits = entry.challenge.numberDigits;
    if (decision === 'APPROVE' && typedNumber?.length !== digits) {
      throw new AuthdeskError('INVALID_INPUT', `To approve, type the ${digits}-digit number the requesting screen shows.`, { details: { field: 'typedNumber' } });
    }
    const now = this.#options.clock.now();
    if (now >= entry.challenge.expiresAt) {
      this.#expire(entry);
      throw expiredError();
    }
    // A second click while the first answer travels would only earn a 409: it is refused here.
    if (this.#deciding.has(id)) throw new AuthdeskError('INVALID_INPUT', 'An answer to this request is already on its way.');
    this.#deciding.add(id);
    try {
      const collapsed = decision === 'APPROVE' ? [] : this.pending().pending.find((item) => item.id === id)?.collapsed ?? [];
      const result = await this.#send(entry, decision, decision === 'APPROVE' ? (typedNumber ?? null) : null);
      // Denying a burst denies every request folded into it (PendingApproval.burst).
      for (const other of collapsed) {
        const folded = this.#pending.get(other);
        if (folded) await this.#send(folded, decision, null).catch(() => undefined);
      }
      return result;
    } finally {
      this.#deciding.delete(id);
    }
  }

  /** Shows the profile's held challenges and lifts the hold. */
  openHeld(profileId: string): ApprovalsView {
    for (const p of this.#pending.values()) if (p.profileId === profileId) p.held = false;
    this.#fatigue.release(profileId);
    const view = this.pending();
    this.#emit({ type: 'held', profileId, view });
    return view;
  }

  /** The audit log's approval records, newest first. */
  audit(filter: { readonly profileId?: string | undefined; readonly limit?: number | undefined }): ApprovalRecord[] {
    const records = approvalRecords(this.#options.vault.data()).reverse();
    const mine = filter.profileId === undefined ? records : records.filter((r) => r.profileId === filter.profileId);
    return mine.slice(0, filter.limit ?? mine.length);
  }

  /** Saves the audit log where the person picks. */
  async exportAudit(format: AuditFormat): Promise<AuditExported> {
    const records = this.audit({});
    const dialogs = this.#options.dialogs;
    if (!dialogs) throw new AuthdeskError('INVALID_INPUT', 'This front end cannot show a save dialog.');
    const day = new Date(this.#options.clock.now()).toISOString().slice(0, 10);
    const path = await dialogs.saveFile({ title: 'Save the approvals audit log', defaultName: `authdesk-approvals-${day}.${format}`, filters: [FILE_FILTERS[format]] });
    if (path === null) return { saved: false };
    if (await isVaultFile(path, this.#options.vaultPath)) {
      throw new AuthdeskError('INVALID_INPUT', `${basename(path)} is one of the vault’s own files; nothing was written. Choose another name.`);
    }
    try {
      await writeOwnFile(path, Buffer.from(format === 'json' ? auditJson(records) : auditCsv(records)), true);
    } catch (error) {
      throw new AuthdeskError('EXPORT_FAILED', `Could not write ${basename(path)}: ${describeFileError(error)}; nothing was exported. Choose another folder.`);
    }
    return { saved: true, fileName: basename(path), count: records.length };
  }

  /** One event from `key`'s stream (app/devices.ts), handled before its id becomes the cursor. */
  async handle(key: DeviceKey, profileName: string, event: ServerEvent, id: number | null): Promise<void> {
    let record: ApprovalRecord | null = null;
    if (event.type === 'challenge') record = this.#arrived(key, profileName, event.challenge);
    if (event.type === 'resolved') record = this.#resolved(key.id, event.resolution);
    if (event.type === 'enrolled' && event.deviceId !== key.id) {
      this.#options.notifier?.notify({
        title: 'A device was enrolled',
        body: `${event.name} can now approve requests for ${key.account}. If you did not add it, revoke it in Approvals.`,
        target: { screen: 'approvals' },
      });
    }
    if (record === null && id === null) return;
    const write = this.#options.vault.mutate((data) => this.#written(data, key.id, record, id));
    this.#lastWrite = write.catch(() => undefined);
    await write;
  }

  /** Challenges still open in the audit log come back when the vault unlocks (the stream then resumes after them). */
  restore(keys: readonly DeviceKey[], profileName: (profileId: string) => string | null): void {
    const now = this.#options.clock.now();
    for (const record of approvalRecords(this.#options.vault.data())) {
      const name = profileName(record.profileId);
      const key = keys.find((k) => k.profileId === record.profileId && k.account === record.account);
      if (record.status !== null || record.expiresAt <= now || name === null || !key || this.#pending.has(record.challengeId)) continue;
      const { challengeId, account, provider, action, origin, createdAt, expiresAt } = record;
      this.#track({ challengeId, account, provider, action, origin, createdAt, expiresAt, numberDigits: key.numberDigits }, record.profileId, name, false, record.flags.includes('burst'));
    }
  }

  /** Forgets every pending challenge and the fatigue counts (the vault locked). */
  clear(): void {
    this.#inFlight.abort();
    this.#inFlight = new AbortController();
    for (const p of this.#pending.values()) p.expiry.cancel();
    this.#pending.clear();
    this.#ended.clear();
    this.#fatigue.forget();
  }

  /** Drops a profile's pending challenges (its device was revoked or its profile removed). */
  forgetProfile(profileId: string): void {
    for (const p of [...this.#pending.values()]) {
      if (p.profileId !== profileId) continue;
      p.expiry.cancel();
      this.#pending.delete(p.challenge.challengeId);
    }
  }

  /** Tells the window an enrolment or its stream changed (app/devices.ts). */
  streamsChanged(enrolments: readonly EnrolmentView[]): void {
    this.#emit({ type: 'streams', enrolments, view: this.pending() });
  }

  #arrived(key: DeviceKey, profileName: string, challenge: Challenge): ApprovalRecord | null {
    if (approvalRecords(this.#options.vault.data()).some((r) => r.challengeId === challenge.challengeId)) return null;
    const now = this.#options.clock.now();
    const open = challenge.expiresAt > now;
    const shown = this.#pending.get(challenge.challengeId);
    // A challenge shown before its record was written (a write that failed, replayed by the stream) is not shown twice.
    const arrival = shown ? (shown.held ? 'held' : shown.burst ? 'burst' : 'show') : open ? this.#fatigue.arrive(key.profileId, now, this.#options.limits()) : 'show';
    const flags: ApprovalFlag[] = arrival === 'show' ? [] : [arrival];
    if (open && !shown) this.#announce(this.#track(challenge, key.profileId, profileName, arrival === 'held', arrival === 'burst'), arrival);
    return {
      challengeId: challenge.challengeId, profileId: key.profileId, profileName, account: challenge.account, provider: challenge.provider,
      action: challenge.action, origin: challenge.origin, createdAt: challenge.createdAt, expiresAt: challenge.expiresAt,
      status: open ? null : 'EXPIRED', reason: null, flags, decidedAt: open ? null : challenge.expiresAt, decidedBy: null, decidedHere: false,
    };
  }

  /** `deviceId` is this computer's device that heard of the end. */
  #resolved(deviceId: string, resolution: Resolution): ApprovalRecord | null {
    const entry = this.#pending.get(resolution.challengeId);
    if (entry) this.#drop(entry, { id: resolution.challengeId, status: resolution.status, reason: resolution.reason, flagged: resolution.flagged }, resolution.decidedBy === deviceId);
    const earlier = approvalRecords(this.#options.vault.data()).find((r) => r.challengeId === resolution.challengeId);
    if (!earlier || earlier.status === resolution.status) return null;
    if (earlier.status === null && (resolution.status === 'DENIED' || resolution.status === 'REPORTED')) this.#fatigue.denied(earlier.profileId, earlier.challengeId, this.#options.clock.now());
    return {
      ...earlier, status: resolution.status, reason: resolution.reason, flags: flagsOf(resolution, earlier.flags),
      decidedAt: resolution.decidedAt ?? this.#options.clock.now(), decidedBy: resolution.decidedBy, decidedHere: resolution.decidedBy === deviceId,
    };
  }

  #written(data: VaultData, deviceId: string, record: ApprovalRecord | null, cursor: number | null): VaultData {
    const devices = cursor === null ? data.devices : data.devices.map((d) => (d.id === deviceId ? { ...d, cursor } : d));
    return { ...data, devices, audit: record === null ? data.audit : withApprovalRecord(data.audit, record, this.#options.clock.now()) };
  }

  #track(challenge: Challenge, profileId: string, profileName: string, held: boolean, burst: boolean): Pending {
    const wait = Math.max(0, challenge.expiresAt - this.#options.clock.now());
    const entry: Pending = { challenge, profileId, profileName, held, burst, expiry: this.#options.clock.setTimeout(() => this.#expire(entry), wait) };
    this.#pending.set(challenge.challengeId, entry);
    return entry;
  }

  #announce(entry: Pending, arrival: 'show' | 'burst' | 'held'): void {
    const view = this.pending();
    if (arrival === 'held') {
      this.#emit({ type: 'held', profileId: entry.profileId, view });
      return;
    }
    const item = view.pending.find((p) => p.id === entry.challenge.challengeId)!;
    this.#emit({ type: 'challenge', approval: item, view });
    const { action, origin } = entry.challenge;
    const target = { screen: 'approvals', challengeId: item.id } as const;
    if (arrival === 'burst') {
      this.#options.notifier?.notify({
        title: 'Many approval requests',
        body: `${item.collapsed.length + 1} requests for ${entry.profileName} in a few minutes. If you did not make them, report them.`,
        target,
      });
    } else {
      this.#options.notifier?.notify({ title: 'Approval request', body: `${entry.profileName}: ${action}, from ${origin}.`, target });
    }
  }

  async #send(entry: Pending, decision: Decision, typedNumber: string | null): Promise<DecisionResult> {
    const answerer = this.#options.answerer(entry.profileId);
    if (!answerer) throw new AuthdeskError('NOT_FOUND', `${entry.profileName} is not enrolled on this computer any more.`);
    let result: DecisionResult;
    try {
      result = await answerer.api.decide(answerer.signer, entry.challenge.challengeId, decision, typedNumber, this.#inFlight.signal);
    } catch (error) {
      // The server says the request is over: it goes from the list (its resolved event fills in the log).
      const over = serverErrorOf(error);
      if (over === 'EXPIRED' || over === 'ALREADY_DECIDED' || over === 'NOT_FOUND') this.#expire(entry);
      throw error;
    }
    await this.#lastWrite;
    const resolution: Resolution = { challengeId: result.id, status: result.status, reason: result.reason, flagged: result.flagged, decidedBy: answerer.signer.deviceId, decidedAt: this.#options.clock.now() };
    const record = this.#resolved(answerer.signer.deviceId, resolution);
    if (record) await this.#options.vault.mutate((data) => this.#written(data, answerer.signer.deviceId, record, null));
    return result;
  }

  #expire(entry: Pending): void {
    if (!this.#pending.has(entry.challenge.challengeId)) return;
    this.#drop(entry, { id: entry.challenge.challengeId, status: 'EXPIRED', reason: null, flagged: false }, false);
  }

  #drop(entry: Pending, result: DecisionResult, decidedHere: boolean): void {
    entry.expiry.cancel();
    this.#pending.delete(entry.challenge.challengeId);
    this.#ended.set(entry.challenge.challengeId, result.status);
    if (this.#ended.size > ENDED_KEEP) this.#ended.delete(this.#ended.keys().next().value!);
    this.#emit({ type: 'resolved', result: { ...result, profileId: entry.profileId, decidedHere }, view: this.pending() });
  }

  #item(p: Pending, burst: boolean, collapsed: string[]): PendingApproval {
    const c = p.challenge;
    return {
      id: c.challengeId, profileId: p.profileId, profileName: p.profileName, provider: c.provider, account: c.account, action: c.action,
      origin: c.origin, createdAt: c.createdAt, expiresAt: c.expiresAt, numberDigits: c.numberDigits, burst, collapsed,
    };
  }

  #emit(event: ApprovalEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
