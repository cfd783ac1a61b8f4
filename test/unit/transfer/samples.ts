// Runs in: tests.
//
// Small backups of every supported format, written here from one set of accounts (the
// encrypted ones with each app's documented scheme), so the importers are tested without
// the third-party fixtures in ../shared.

import { createCipheriv, createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { decodeBase32 } from '../../../electron/core/otp/base32.ts';
import { exportAegis, exportGoogleMigration, exportOtpauthList } from '../../../electron/core/transfer/index.ts';
import type { FormatId, ImportedEntry } from '../../../electron/core/transfer/index.ts';
import { toVault } from './support.ts';

export const PASSWORD = 'correct horse';

/** A 1x1 PNG. */
export const ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const ENTRIES: readonly ImportedEntry[] = [
  {
    issuer: 'GitHub',
    label: 'alice@example.com',
    otp: { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    groups: ['Work'],
    favourite: true,
    note: 'Recovery codes are in the safe',
    icon: ICON,
  },
  {
    issuer: 'Example, Inc.',
    label: 'bob',
    otp: { type: 'hotp', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA256', digits: 8, period: 30, counter: 5 },
  },
  {
    issuer: 'Steam',
    label: 'carol',
    otp: { type: 'steam', secret: 'KRUGS4ZANFZSAYJAON2GKYLNEBZWKY3SMV2A', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 },
  },
];

/** The parts of ENTRIES each format can carry. */
export interface Sample {
  readonly name: string;
  readonly format: FormatId;
  readonly bytes: Uint8Array;
  readonly password?: string;
  /** Read only when its format is named: it has nothing to recognise it by (detect.ts, "andOTP without magic"). */
  readonly named?: boolean;
  readonly carries: { readonly groups: boolean; readonly favourite: boolean; readonly note: boolean; readonly steam: boolean; readonly icon: boolean };
}

const [totp, hotp] = ENTRIES as [ImportedEntry, ImportedEntry, ImportedEntry];
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const gcm = (key: Uint8Array, iv: Uint8Array, plain: Uint8Array) => {
  const c = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
};

export function twoFasServices(): unknown[] {
  return ENTRIES.map((e, i) => ({
    name: e.issuer,
    secret: e.otp.secret,
    updatedAt: 1_700_000_000_000,
    otp: { label: e.label, account: e.label, issuer: e.issuer, digits: e.otp.digits, period: e.otp.period, algorithm: e.otp.algorithm, counter: e.otp.counter, tokenType: e.otp.type.toUpperCase(), source: 'Manual' },
    order: { position: i },
    ...(e.groups ? { groupId: 'g-1' } : {}),
  }));
}

function twoFas(services: unknown[], servicesEncrypted?: string): Uint8Array {
  return utf8(JSON.stringify({ services, groups: [{ id: 'g-1', name: 'Work', isExpanded: true }], updatedAt: 1, schemaVersion: 4, appVersionCode: 5000009, appOrigin: 'android', ...(servicesEncrypted ? { servicesEncrypted } : {}) }));
}

/** A 2FAS backup whose services are `plain` (their JSON), encrypted under PASSWORD as 2FAS does. */
export function sealTwoFas(plain: Uint8Array): Uint8Array {
  const salt = randomBytes(256);
  const iv = randomBytes(12);
  const sealed = gcm(pbkdf2Sync(PASSWORD, salt, 10_000, 32, 'sha256'), iv, plain);
  return twoFas([], [sealed, salt, iv].map((b) => b.toString('base64')).join(':'));
}

/** An andOTP backup of `plain` (its entries' JSON), encrypted under PASSWORD with 140,000 rounds: what andOTP writes, and all detection recognises. */
export function sealAndOtp(plain: Uint8Array): Buffer {
  const rounds = Buffer.alloc(4);
  rounds.writeUInt32BE(140_000);
  const salt = randomBytes(12);
  const nonce = randomBytes(12);
  return Buffer.concat([rounds, salt, nonce, gcm(pbkdf2Sync(PASSWORD, salt, 140_000, 32, 'sha1'), nonce, plain)]);
}

export function andOtpJson(): string {
  return JSON.stringify(ENTRIES.map((e) => ({ secret: e.otp.secret, issuer: e.issuer, label: e.label, digits: e.otp.digits, type: e.otp.type.toUpperCase(), algorithm: e.otp.algorithm, period: e.otp.period, counter: e.otp.counter, tags: e.groups ?? [] })));
}

const STRATUM_TYPES = { hotp: 1, totp: 2, steam: 4 } as const;
function stratumJson(): string {
  return JSON.stringify({
    Authenticators: ENTRIES.map((e) => ({ Type: STRATUM_TYPES[e.otp.type], Issuer: e.issuer, Username: e.label, Secret: e.otp.secret, Algorithm: ['SHA1', 'SHA256', 'SHA512'].indexOf(e.otp.algorithm), Digits: e.otp.digits, Period: e.otp.period, Counter: e.otp.counter, Ranking: 0, Icon: null, Pin: null })),
    Categories: [{ Id: 'c1', Name: 'Work', Ranking: 0 }],
    AuthenticatorCategories: [{ CategoryId: 'c1', AuthenticatorSecret: totp.otp.secret, Ranking: 0 }],
    CustomIcons: [],
  });
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function bitwardenTotp(e: ImportedEntry): string {
  if (e.otp.type === 'steam') return `steam://${e.otp.secret}`;
  if (e.otp.type === 'totp') return e.otp.secret.toLowerCase().replace(/(.{4})/g, '$1 ').trim();
  return `otpauth://hotp/${encodeURIComponent(e.label)}?secret=${e.otp.secret}&issuer=${encodeURIComponent(e.issuer)}&algorithm=SHA256&digits=8&counter=5`;
}

export async function samples(): Promise<Sample[]> {
  const { accounts, groups } = toVault(ENTRIES);
  const all = { groups: true, favourite: true, note: true, steam: true, icon: false };
  const otpOnly = { groups: false, favourite: false, note: false, steam: true, icon: false };
  const list: Sample[] = [];
  const add = (name: string, format: FormatId, bytes: Uint8Array, carries: Sample['carries'], password?: string, named = false) => list.push({ name, format, bytes, carries, ...(password ? { password } : {}), ...(named ? { named } : {}) });

  add('aegis plain', 'aegis', utf8(await exportAegis(accounts, { groups })), { ...all, icon: true });
  add('aegis encrypted', 'aegis', utf8(await exportAegis(accounts, { groups, password: PASSWORD })), { ...all, icon: true }, PASSWORD);
  add('otpauth list', 'otpauth', utf8(exportOtpauthList(accounts)), otpOnly);
  add('google migration', 'google-migration', utf8((await exportGoogleMigration(accounts)).uris.join('\n')), { ...otpOnly, steam: false });

  add('2fas plain', '2fas', twoFas(twoFasServices()), { ...otpOnly, groups: true });
  add('2fas encrypted', '2fas', sealTwoFas(utf8(JSON.stringify(twoFasServices()))), { ...otpOnly, groups: true }, PASSWORD);

  add('andotp plain', 'andotp', utf8(andOtpJson()), { ...otpOnly, groups: true });
  add('andotp encrypted', 'andotp', sealAndOtp(utf8(andOtpJson())), { ...otpOnly, groups: true }, PASSWORD);
  const oldNonce = randomBytes(12);
  add('andotp encrypted (old)', 'andotp', Buffer.concat([oldNonce, gcm(createHash('sha256').update(PASSWORD).digest(), oldNonce, utf8(andOtpJson()))]), { ...otpOnly, groups: true }, PASSWORD, true);

  add('stratum plain', 'stratum', utf8(stratumJson()), { ...otpOnly, groups: true });
  const stSalt = randomBytes(16);
  const stIv = randomBytes(12);
  const stKey = await argon2id({ password: PASSWORD, salt: stSalt, iterations: 3, memorySize: 65536, parallelism: 4, hashLength: 32, outputType: 'binary' });
  add('stratum encrypted', 'stratum', Buffer.concat([utf8('AUTHENTICATORPRO'), stSalt, stIv, gcm(stKey, stIv, utf8(stratumJson()))]), { ...otpOnly, groups: true }, PASSWORD);
  const lgSalt = randomBytes(20);
  const lgIv = randomBytes(16);
  const cbc = createCipheriv('aes-256-cbc', pbkdf2Sync(PASSWORD, lgSalt, 64_000, 32, 'sha1'), lgIv);
  add('stratum encrypted (legacy)', 'stratum', Buffer.concat([utf8('AuthenticatorPro'), lgSalt, lgIv, cbc.update(utf8(stratumJson())), cbc.final()]), { ...otpOnly, groups: true }, PASSWORD);

  const items = ENTRIES.map((e, i) => ({ id: `i${i}`, type: 1, name: e.issuer, notes: e.note ?? null, favorite: e.favourite ?? false, folderId: e.groups ? 'f1' : null, login: { username: e.label, password: 'hunter2', totp: bitwardenTotp(e) } }));
  add('bitwarden json', 'bitwarden', utf8(JSON.stringify({ encrypted: false, folders: [{ id: 'f1', name: 'Work' }], items: [...items, { id: 'x', type: 2, name: 'A secure note', notes: 'no login' }] })), all);
  const rows = ENTRIES.map((e) => [e.groups?.[0] ?? '', e.favourite ? '1' : '', 'login', e.issuer, e.note ?? '', '', 'https://example.com', e.label, 'hunter2', bitwardenTotp(e)].map(csvField).join(','));
  add('bitwarden csv', 'bitwarden', utf8(['folder,favorite,type,name,notes,fields,login_uri,login_username,login_password,login_totp', ...rows, ',,note,Just a note,,,,,,'].join('\r\n')), all);

  const display = (e: ImportedEntry, trashed = false) => encodeURIComponent(JSON.stringify({ pinned: e.favourite ?? false, trashed, tags: e.groups ?? [], note: e.note ?? '' }));
  const enteLines = accounts.map((a, i) => `${exportOtpauthList([a]).trim()}&codeDisplay=${display(ENTRIES[i] ?? totp)}`);
  add('ente', 'ente', utf8([...enteLines, `otpauth://totp/Old:zed?secret=MFRGGZDFMZTWQ2LK&issuer=Old&codeDisplay=${display(hotp, true)}`].join('\n')), all);

  const signed = (b32: string) => [...decodeBase32(b32)].map((b) => (b > 127 ? b - 256 : b));
  add('freeotp-plus', 'freeotp-plus', utf8(JSON.stringify({ tokenOrder: [], tokens: [totp, hotp].map((e) => ({ algo: e.otp.algorithm, counter: e.otp.counter, digits: e.otp.digits, issuerExt: e.issuer, issuerInt: e.issuer, label: e.label, period: e.otp.period, secret: signed(e.otp.secret), type: e.otp.type.toUpperCase() })) })), { ...otpOnly, steam: false });

  const protonEntries = accounts.map((a, i) => ({ id: `p${i}`, content: { uri: a.otp.type === 'steam' ? `steam://${a.otp.secret}` : exportOtpauthList([a]).trim(), entry_type: a.otp.type === 'steam' ? 'Steam' : 'Totp', name: a.label }, note: a.note || null }));
  add('proton', 'proton', utf8(JSON.stringify({ version: 1, entries: protonEntries })), { ...otpOnly, note: true });
  return list;
}

/** ENTRIES as a format carrying `carries` should give them back. */
export function expectedFor(carries: Sample['carries']): ImportedEntry[] {
  return ENTRIES.filter((e) => carries.steam || e.otp.type !== 'steam').map((e) => ({
    issuer: e.issuer,
    label: e.label,
    otp: e.otp,
    ...(carries.groups && e.groups ? { groups: e.groups } : {}),
    ...(carries.favourite && e.favourite ? { favourite: e.favourite } : {}),
    ...(carries.note && e.note ? { note: e.note } : {}),
    ...(carries.icon && e.icon ? { icon: e.icon } : {}),
  }));
}
