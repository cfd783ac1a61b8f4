// Runs in: main, CLI, tests.
//
// Aegis keeps an entry's icon as Base64 image bytes with a MIME type (`icon`, `icon_mime`,
// `icon_hash` = SHA-256 hex of the bytes); Authdesk keeps it as a data URL (Account.icon).
// Vaults written before Aegis stored the MIME type hold JPEG.

import { createHash } from 'node:crypto';
import { base64Bytes } from '../bytes.ts';

const MIMES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
const DATA_URL = /^data:(image\/(?:png|jpeg|svg\+xml));base64,([A-Za-z0-9+/]+={0,2})$/;

/** The entry's icon as a data URL, or undefined when it has none or an unusable one. */
export function iconFromAegis(icon: unknown, mime: unknown): string | undefined {
  const bytes = base64Bytes(icon);
  const type = mime === null || mime === undefined ? 'image/jpeg' : MIMES.find((m) => m === mime);
  if (bytes === null || bytes.length === 0 || type === undefined) return undefined;
  return `data:${type};base64,${bytes.toString('base64')}`;
}

/** Aegis's three icon fields for an Account.icon; all null for none or an icon slug. */
export function iconToAegis(icon: string | null): { icon: string | null; icon_mime: string | null; icon_hash: string | null } {
  const match = icon === null ? null : DATA_URL.exec(icon);
  if (!match) return { icon: null, icon_mime: null, icon_hash: null };
  const [, mime = '', base64 = ''] = match;
  return { icon: base64, icon_mime: mime, icon_hash: createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex') };
}
