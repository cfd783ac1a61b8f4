// Runs in: main, CLI, tests.
//
// Typed reads from parsed JSON. A wrong type inside one entry is that entry's problem
// (EntryProblem, reported per entry); the caller decides when the whole file is unusable.

/** A problem with one entry; its message is for people and never quotes the entry. */
export class EntryProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntryProblem';
  }
}

type Json = Readonly<Record<string, unknown>>;

export function optionalString(obj: Json, key: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new EntryProblem(`its "${key}" field is not text`);
  return value;
}

export function requiredString(obj: Json, key: string): string {
  const value = optionalString(obj, key);
  if (value === undefined) throw new EntryProblem(`its "${key}" field is missing`);
  return value;
}

export function optionalInteger(obj: Json, key: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  // Some apps write numbers as strings ("digits": "6").
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new EntryProblem(`its "${key}" field is not a whole number`);
  return n;
}

export function requiredInteger(obj: Json, key: string): number {
  const value = optionalInteger(obj, key);
  if (value === undefined) throw new EntryProblem(`its "${key}" field is missing`);
  return value;
}

export function optionalBoolean(obj: Json, key: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new EntryProblem(`its "${key}" field is not true or false`);
  return value;
}
