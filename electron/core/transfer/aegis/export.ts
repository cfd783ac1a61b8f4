// Runs in: main, CLI, tests.
//
// Writes accounts as an Aegis vault (content version 3, groups by uuid), plain or encrypted
// the way Aegis itself encrypts (docs/vault.md): a random master key seals the content with
// AES-256-GCM and one password slot wraps it with an scrypt key (N=2^15, r=8, p=1).

import { randomBytes, randomUUID } from 'node:crypto';
import type { OtpParams } from '../../otp/params.ts';
import type { Account, Group } from '../../vault/model.ts';
import { aesGcmSeal, scrypt } from '../cipher.ts';
import { AEGIS_CONTENT_VERSION, AEGIS_FILE_VERSION, AEGIS_SCRYPT, AEGIS_SCRYPT_BOUNDS, PASSWORD_SLOT } from './format.ts';
import { iconToAegis } from './icon.ts';

export interface AegisExportOptions {
  /** The vault's groups, so accounts keep their group names. */
  readonly groups?: readonly Group[];
  /** Encrypts the file when given (non-empty). */
  readonly password?: string;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Aegis vault file as text (UTF-8 JSON), ready to be written to disk. */
export async function exportAegis(accounts: readonly Account[], options: AegisExportOptions = {}): Promise<string> {
  const content = aegisContent(accounts, options.groups ?? []);
  const password = options.password ?? '';
  if (password === '') {
    return JSON.stringify({ version: AEGIS_FILE_VERSION, header: { slots: null, params: null }, db: content }, null, 4);
  }
  const masterKey = randomBytes(32);
  const salt = randomBytes(32);
  const slotKey = await scrypt(password, salt, AEGIS_SCRYPT, AEGIS_SCRYPT_BOUNDS, 'Aegis vault');
  const slotNonce = randomBytes(12);
  const wrapped = aesGcmSeal(slotKey, slotNonce, masterKey);
  const dbNonce = randomBytes(12);
  const sealed = aesGcmSeal(masterKey, dbNonce, Buffer.from(JSON.stringify(content), 'utf8'));
  const slot = {
    type: PASSWORD_SLOT,
    uuid: randomUUID(),
    key: wrapped.ciphertext.toString('hex'),
    key_params: { nonce: slotNonce.toString('hex'), tag: wrapped.tag.toString('hex') },
    ...AEGIS_SCRYPT,
    salt: salt.toString('hex'),
    // Aegis marks slots made after its 2019 scrypt fix as repaired; unrepaired ones it rewraps.
    repaired: true,
    is_backup: false,
  };
  return JSON.stringify(
    { version: AEGIS_FILE_VERSION, header: { slots: [slot], params: { nonce: dbNonce.toString('hex'), tag: sealed.tag.toString('hex') } }, db: sealed.ciphertext.toString('base64') },
    null,
    4,
  );
}

function aegisContent(accounts: readonly Account[], groups: readonly Group[]) {
  // Aegis requires uuids; Authdesk ids that are not uuids get one for this file.
  const uuids = new Map<string, string>();
  const uuidOf = (id: string) => uuids.get(id) ?? uuids.set(id, UUID_PATTERN.test(id) ? id.toLowerCase() : randomUUID()).get(id) ?? '';
  const known = new Set(groups.map((g) => g.id));
  return {
    version: AEGIS_CONTENT_VERSION,
    entries: accounts.map((account) => ({
      type: account.otp.type,
      uuid: uuidOf(account.id),
      name: account.label,
      issuer: account.issuer,
      note: account.note,
      favorite: account.favourite,
      ...iconToAegis(account.icon),
      info: info(account.otp),
      groups: account.groupIds.filter((id) => known.has(id)).map(uuidOf),
    })),
    groups: groups.map((g) => ({ uuid: uuidOf(g.id), name: g.name })),
    icons_optimized: true,
  };
}

function info(otp: OtpParams) {
  const base = { secret: otp.secret, algo: otp.algorithm, digits: otp.digits };
  return otp.type === 'hotp' ? { ...base, counter: otp.counter } : { ...base, period: otp.period };
}
