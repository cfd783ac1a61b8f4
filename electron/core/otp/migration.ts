// Runs in: main, CLI, tests.
//
// Google Authenticator's "Transfer accounts" QR codes: otpauth-migration://offline?data=...
// where data is a Base64 protobuf MigrationPayload. A large export is split over several
// QR codes (batches) that share a batch_id. Field numbers follow Google's published proto
// (google_auth.proto, as used by dim13/otpauth and GNOME Authenticator).
import { randomInt } from 'node:crypto';
import { Root } from 'protobufjs';
import { AuthdeskError } from '../errors.ts';
import type { OtpAlgorithm, OtpType } from './params.ts';
import { decodeBase32, encodeBase32 } from './base32.ts';
import type { OtpEntry } from './entry.ts';
import { DEFAULT_PERIOD, otpParams } from './entry.ts';

const root = Root.fromJSON({
  nested: {
    MigrationPayload: {
      fields: {
        otpParameters: { rule: 'repeated', type: 'OtpParameters', id: 1 },
        version: { type: 'int32', id: 2 },
        batchSize: { type: 'int32', id: 3 },
        batchIndex: { type: 'int32', id: 4 },
        batchId: { type: 'int32', id: 5 },
      },
      nested: {
        Algorithm: { values: { ALGORITHM_UNSPECIFIED: 0, SHA1: 1, SHA256: 2, SHA512: 3, MD5: 4 } },
        DigitCount: { values: { DIGIT_COUNT_UNSPECIFIED: 0, SIX: 1, EIGHT: 2 } },
        OtpType: { values: { OTP_TYPE_UNSPECIFIED: 0, HOTP: 1, TOTP: 2 } },
        OtpParameters: {
          fields: {
            secret: { type: 'bytes', id: 1 },
            name: { type: 'string', id: 2 },
            issuer: { type: 'string', id: 3 },
            algorithm: { type: 'Algorithm', id: 4 },
            digits: { type: 'DigitCount', id: 5 },
            type: { type: 'OtpType', id: 6 },
            counter: { type: 'int64', id: 7 },
          },
        },
      },
    },
  },
});
const MigrationPayload = root.lookupType('MigrationPayload');

interface WireOtp {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  counter: number;
}

interface WirePayload {
  otpParameters: WireOtp[];
  version: number;
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

const ALGORITHM_TO_WIRE: Readonly<Record<OtpAlgorithm, number>> = { SHA1: 1, SHA256: 2, SHA512: 3 };
const ALGORITHM_FROM_WIRE: ReadonlyMap<number, OtpAlgorithm> = new Map([[0, 'SHA1'], [1, 'SHA1'], [2, 'SHA256'], [3, 'SHA512']]);
const DIGITS_TO_WIRE: ReadonlyMap<number, number> = new Map([[6, 1], [8, 2]]);
const DIGITS_FROM_WIRE: ReadonlyMap<number, number> = new Map([[0, 6], [1, 6], [2, 8]]);
const PAYLOAD_VERSION = 1;
const PREFIX = 'otpauth-migration://offline?';
// Note (QR size): Google Authenticator's own export QR codes stay near this length; longer
// URIs make QR codes dense enough that phone cameras struggle to read them off a screen.
const DEFAULT_MAX_URI_LENGTH = 1000;

export interface MigrationBatch {
  readonly entries: readonly OtpEntry[];
  readonly version: number;
  readonly batchSize: number;
  readonly batchIndex: number;
  readonly batchId: number;
}

function invalid(reason: string): AuthdeskError {
  return new AuthdeskError('OTP_INVALID_URI', `This is not a usable Google Authenticator export: ${reason}.`);
}

function dataParameter(uri: string): Uint8Array {
  const text = uri.trim();
  if (!text.toLowerCase().startsWith(PREFIX)) throw invalid('it must start with otpauth-migration://offline?');
  const field = text.slice(PREFIX.length).split('&').find((part) => part.toLowerCase().startsWith('data='));
  if (field === undefined) throw invalid('it has no data');
  let base64: string;
  try {
    // Not URLSearchParams: exports often carry Base64's "+" unescaped, and it must stay "+".
    base64 = decodeURIComponent(field.slice('data='.length)).replaceAll(' ', '+');
  } catch {
    throw invalid('its data has broken percent-encoding');
  }
  if (base64 === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(base64)) throw invalid('its data is not Base64');
  return Buffer.from(base64, 'base64');
}

// Note (issuer in the name): Google writes "Issuer:account" into name for some accounts and not
// for others. With an issuer, only that issuer followed by ":" is a prefix (an issuer may hold
// a colon itself); without one, the first colon separates. wireName writes names so that this
// gives back what was exported. Change together.
function splitName(name: string, issuer: string): { issuer: string; label: string } {
  const colon = name.indexOf(':');
  if (issuer !== '') {
    if (name.startsWith(`${issuer}:`)) return { issuer, label: name.slice(issuer.length + 1).trim() };
    return { issuer, label: colon >= 0 && name.slice(0, colon).trim() === issuer ? name.slice(colon + 1).trim() : name };
  }
  return colon < 0 ? { issuer: '', label: name } : { issuer: name.slice(0, colon).trim(), label: name.slice(colon + 1).trim() };
}

function toEntry(otp: WireOtp): OtpEntry {
  const algorithm = ALGORITHM_FROM_WIRE.get(otp.algorithm);
  const digits = DIGITS_FROM_WIRE.get(otp.digits);
  if (algorithm === undefined || digits === undefined) throw new AuthdeskError('OTP_UNSUPPORTED', 'The export holds an account with an algorithm or code length Authdesk does not support.');
  const type: OtpType = otp.type === 1 ? 'hotp' : 'totp';
  return {
    ...splitName(otp.name, otp.issuer),
    otp: otpParams({ type, secret: encodeBase32(otp.secret), algorithm, digits, period: DEFAULT_PERIOD, counter: otp.counter }),
  };
}

/** Decodes one otpauth-migration:// URI (one QR code). */
export function decodeMigrationUri(uri: string): MigrationBatch {
  const bytes = dataParameter(uri);
  let payload: WirePayload;
  try {
    payload = MigrationPayload.toObject(MigrationPayload.decode(bytes), { longs: Number, enums: Number, bytes: Uint8Array, defaults: true, arrays: true }) as WirePayload;
  } catch {
    throw invalid('its data is damaged');
  }
  return {
    entries: payload.otpParameters.map(toEntry),
    version: payload.version,
    // Single-QR exports from older versions leave the batch fields unset.
    batchSize: Math.max(1, payload.batchSize),
    batchIndex: payload.batchIndex,
    batchId: payload.batchId,
  };
}

/**
 * Decodes every QR code of one or more exports, in batch order. Scanning a QR code twice
 * is harmless; a missing batch is an error, so an import is never silently partial.
 */
export function decodeMigrationUris(uris: readonly string[]): OtpEntry[] {
  const exports = new Map<number | symbol, Map<number, MigrationBatch>>();
  for (const uri of uris) {
    const batch = decodeMigrationUri(uri);
    // Older single-QR exports leave batch_id unset (0): each of those is its own export.
    const exportId = batch.batchId === 0 ? Symbol('unbatched') : batch.batchId;
    const batches = exports.get(exportId) ?? new Map<number, MigrationBatch>();
    exports.set(exportId, batches);
    if (!batches.has(batch.batchIndex)) batches.set(batch.batchIndex, batch);
  }
  const entries: OtpEntry[] = [];
  for (const batches of exports.values()) {
    const size = Math.max(...[...batches.values()].map((b) => b.batchSize));
    for (let index = 0; index < size; index++) {
      const batch = batches.get(index);
      if (batch === undefined) throw invalid(`QR code ${index + 1} of ${size} is missing`);
      entries.push(...batch.entries);
    }
  }
  return entries;
}

/** Whether Google Authenticator can hold this entry (no Steam, 6 or 8 digits, 30 s period). */
export function fitsMigration(entry: OtpEntry): boolean {
  const { otp } = entry;
  return otp.type !== 'steam' && DIGITS_TO_WIRE.has(otp.digits) && (otp.type === 'hotp' || otp.period === DEFAULT_PERIOD);
}

// A name splitName would cut gets the prefix it strips (see the note there).
function wireName({ issuer, label }: OtpEntry): string {
  if (issuer === '') return label.includes(':') ? `:${label}` : label;
  const colon = label.indexOf(':');
  return label.startsWith(`${issuer}:`) || (colon >= 0 && label.slice(0, colon).trim() === issuer) ? `${issuer}:${label}` : label;
}

function toWire(entry: OtpEntry): WireOtp {
  const { otp } = entry;
  const digits = DIGITS_TO_WIRE.get(otp.digits);
  if (!fitsMigration(entry) || digits === undefined) {
    throw new AuthdeskError('OTP_UNSUPPORTED', 'Google Authenticator cannot hold Steam accounts, 7-digit codes or periods other than 30 seconds.');
  }
  return {
    secret: decodeBase32(otp.secret),
    name: wireName(entry),
    issuer: entry.issuer,
    algorithm: ALGORITHM_TO_WIRE[otp.algorithm],
    digits,
    type: otp.type === 'hotp' ? 1 : 2,
    counter: otp.counter,
  };
}

function toUri(payload: WirePayload): string {
  const bytes = MigrationPayload.encode(MigrationPayload.fromObject(payload)).finish();
  return `${PREFIX}data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
}

export interface EncodeOptions {
  /** Longest URI per QR code; an account too large for it alone still gets its own. */
  readonly maxUriLength?: number;
  /** Shared by all batches of one export; random by default. */
  readonly batchId?: number;
}

/**
 * Encodes entries as Google Authenticator export URIs, one per QR code. Check
 * fitsMigration() first: an entry Google cannot hold throws OTP_UNSUPPORTED.
 */
export function encodeMigration(entries: readonly OtpEntry[], options: EncodeOptions = {}): string[] {
  const maxLength = options.maxUriLength ?? DEFAULT_MAX_URI_LENGTH;
  const batchId = options.batchId ?? randomInt(1, 2 ** 31 - 1);
  const header = { version: PAYLOAD_VERSION, batchSize: 1, batchIndex: 0, batchId };
  const groups: WireOtp[][] = [];
  let current: WireOtp[] = [];
  for (const entry of entries) {
    const otp = toWire(entry);
    // The real batch size and index are varints of a byte or two: the slack covers them.
    if (current.length > 0 && toUri({ ...header, otpParameters: [...current, otp] }).length + 8 > maxLength) {
      groups.push(current);
      current = [];
    }
    current.push(otp);
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  // Note (exact fit): the slack above is an estimate. Base64 and percent-encoding can make the
  // final header a few characters longer than estimated, so a batch that still comes out too
  // long gives up its last account to a batch of its own, and every URI is made again.
  for (;;) {
    const uris = groups.map((otpParameters, batchIndex) => toUri({ otpParameters, version: PAYLOAD_VERSION, batchSize: groups.length, batchIndex, batchId }));
    const over = uris.findIndex((uri, i) => uri.length > maxLength && (groups[i]?.length ?? 0) > 1);
    const group = groups[over];
    if (group === undefined) return uris;
    groups.splice(over, 1, group.slice(0, -1), group.slice(-1));
  }
}
