// Runs in: main, CLI, tests.
//
// Brings decrypted vault data written by any earlier schema up to VAULT_SCHEMA_VERSION, one
// step per version, in memory. The upgraded data reaches the disk with the next write, so
// merely opening a vault never rewrites it.
//
// Note (schema 0): no released Authdesk wrote schema 0. It is the minimal shape defined with
// the migration path (accounts only, OTP fields flat on the account, `name` for the label, no
// schemaVersion field), so the path is exercised by a real fixture
// (test/unit/vault/fixtures/schema-v0.json) before the first real schema change needs it.
import { AuthdeskError } from '../errors.ts';
import type { OtpAlgorithm, OtpType } from '../otp/params.ts';
import { VAULT_SCHEMA_VERSION, type Account, type VaultData } from './model.ts';

type Raw = Record<string, unknown>;

function damaged(reason: string): AuthdeskError {
  return new AuthdeskError('VAULT_DAMAGED', `The vault's contents could not be read (${reason}).`);
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function v0AccountToV1(raw: unknown): Account {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.secret !== 'string') throw damaged('a schema 0 account lacks its id or secret');
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
  return {
    id: raw.id,
    issuer: text(raw.issuer, ''),
    label: text(raw.name, ''),
    otp: {
      type: text(raw.type, 'totp') as OtpType,
      secret: raw.secret,
      algorithm: text(raw.algorithm, 'SHA1') as OtpAlgorithm,
      digits: num(raw.digits, 6),
      period: num(raw.period, 30),
      counter: num(raw.counter, 0),
    },
    groupIds: [],
    favourite: false,
    icon: null,
    note: '',
    createdAt: 0,
    updatedAt: 0,
  };
}

/** Index i upgrades schema i to schema i + 1. */
const STEPS: readonly ((data: Raw) => Raw)[] = [
  (v0) => {
    if (!Array.isArray(v0.accounts)) throw damaged('schema 0 data has no account list');
    return { schemaVersion: 1, accounts: v0.accounts.map(v0AccountToV1), groups: [], credentials: [], profiles: [], sessions: [], devices: [], audit: [] };
  },
  // Note (schema 2): device keys gained their server, account, name, number length and stream
  // cursor. No schema 1 Authdesk wrote a device key (push approvals came with schema 2), and
  // one without its server and account could not be used, so the list starts empty; the
  // audit's login and logout entries keep their meaning and are carried over.
  (v1) => ({ ...v1, schemaVersion: 2, devices: [] }),
];

const LISTS = ['accounts', 'groups', 'credentials', 'profiles', 'sessions', 'devices', 'audit'] as const;

/** Upgrades parsed JSON to the current schema; VAULT_TOO_NEW for a schema from a newer Authdesk. */
export function migrate(parsed: unknown): VaultData {
  if (!isRecord(parsed)) throw damaged('it is not an object');
  const version = parsed.schemaVersion === undefined ? 0 : parsed.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) throw damaged('its schema version is not a number');
  if (version > VAULT_SCHEMA_VERSION) {
    throw new AuthdeskError('VAULT_TOO_NEW', `This vault's data uses schema ${version}, newer than this Authdesk understands (${VAULT_SCHEMA_VERSION}). Update Authdesk to open it.`);
  }
  let data = parsed;
  for (let v = version; v < VAULT_SCHEMA_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw damaged(`no migration from schema ${v}`);
    data = step(data);
  }
  for (const list of LISTS) if (!Array.isArray(data[list])) throw damaged(`the ${list} list is missing`);
  return data as unknown as VaultData;
}
