// Runs in: CLI.
//
// `authdesk code`: the current codes, all or those matching QUERY (DESIGN §9).
// Note (HOTP): asking for an HOTP code uses it up (the counter moves on and is saved before
// the code is printed), so that happens only when QUERY picks out that one account; in a
// list HOTP accounts show how to ask for their next code instead. --at never advances it.
import type { Command } from '../command.ts';
import type { AccountCode } from '../../core/accounts/codes.ts';
import { AuthdeskError } from '../../core/errors.ts';
import type { Account } from '../../core/vault/model.ts';
import { accountName, jsonText, shortIds, table } from '../account-view.ts';
import { EXIT } from '../exit-codes.ts';
import { writeLine } from '../io.ts';
import { withUnlockedCore } from '../core-session.ts';

/** An exact id picks that account; otherwise QUERY is looked for in issuer, name and id, ignoring case. */
function select(accounts: readonly Account[], query: string | undefined): readonly Account[] {
  if (query === undefined) return accounts;
  const exact = accounts.find((a) => a.id === query);
  if (exact !== undefined) return [exact];
  const wanted = query.toLowerCase();
  return accounts.filter((a) => [a.issuer, a.label, a.id].some((field) => field.toLowerCase().includes(wanted)));
}

function parseAt(value: string | boolean | string[] | boolean[] | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) throw new AuthdeskError('INVALID_INPUT', '--at must be a time in whole seconds since 1970 (Unix time), e.g. 1700000000.');
  return Number(value);
}

export const codeCommand: Command = {
  name: 'code',
  summary: "show the current codes, all or those whose issuer, name or id contains QUERY",
  details: 'An HOTP code is made, and its counter saved, only when QUERY picks that one account. --at gives the codes at another time, in seconds since 1970 (Unix time).',
  usage: 'code [QUERY] [--at UNIX_SECONDS] [--json]',
  options: { at: { type: 'string' } },
  async run(context) {
    const { io, global, positionals, values } = context;
    const [query, ...extra] = positionals;
    if (extra.length > 0 || query?.trim() === '') {
      writeLine(io.stderr, `authdesk code: give at most one QUERY, not empty (quote it if it has spaces).\nUsage: authdesk ${codeCommand.usage}`);
      return EXIT.usage;
    }
    const at = parseAt(values.at);
    const { selected, codes, ids } = await withUnlockedCore(context, async (core) => {
      const accounts = core.accounts.list();
      const selected = select(accounts, query);
      if (query !== undefined && selected.length === 0) throw new AuthdeskError('NOT_FOUND', `No account's issuer, name or id contains "${query}". "authdesk list" shows them all.`);
      const service = core.codes;
      const [single] = selected;
      let codes: readonly AccountCode[];
      if (at !== undefined) codes = selected.map((a) => service.codeAt(a, at));
      else if (query !== undefined && selected.length === 1 && single?.otp.type === 'hotp') codes = [await service.nextHotp(single.id)];
      else {
        const wanted = new Set(selected.map((a) => a.id));
        codes = service.list().filter((c) => wanted.has(c.id));
      }
      return { selected, codes, ids: shortIds(accounts) };
    });
    const byId = new Map(selected.map((a) => [a.id, a]));
    if (global.json) {
      writeLine(io.stdout, jsonText(codes.map((c) => ({ id: c.id, issuer: byId.get(c.id)?.issuer ?? '', label: byId.get(c.id)?.label ?? '', code: c.code, next: c.next, validFrom: c.validFrom, validUntil: c.validUntil, ...(c.error === undefined ? {} : { error: c.error }) }))));
      return EXIT.ok;
    }
    if (codes.length === 0) {
      writeLine(io.stdout, 'The vault has no accounts yet. Add one with: authdesk add <otpauth-uri>');
      return EXIT.ok;
    }
    const now = Date.now();
    const row = (c: AccountCode, account: Account): string[] => {
      const name = accountName(account);
      if (c.error !== undefined) return ['-'.repeat(6), name, c.error];
      if (account.otp.type === 'hotp') {
        if (c.code !== null) return [c.code, name, `HOTP, counter ${account.otp.counter} (now used)`];
        return ['-'.repeat(account.otp.digits), name, at === undefined ? `HOTP, press for next: authdesk code ${ids.get(c.id) ?? c.id}` : 'HOTP (has no time: ask without --at)'];
      }
      const until = c.validUntil ?? c.validFrom;
      const left = at === undefined ? `${Math.max(1, Math.ceil((until - now) / 1000))} s left` : `valid ${new Date(c.validFrom).toISOString()} to ${new Date(until).toISOString()}`;
      return [c.code ?? '', name, left];
    };
    writeLine(io.stdout, table(codes.flatMap((c) => {
      const account = byId.get(c.id);
      return account === undefined ? [] : [row(c, account)];
    })));
    return EXIT.ok;
  },
};
