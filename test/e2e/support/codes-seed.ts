// Runs in: tests (Node): the Codes e2e tests and the renderer benchmarks.
//
// A vault full of accounts, made through the core as an import would make them: a few named
// ones a test looks for, then generated ones up to `total`.
import { randomBytes } from 'node:crypto';
import type { NewAccount } from '../../../electron/core/accounts/accounts.ts';
import type { Core } from '../../../electron/core/app/core.ts';
import { encodeBase32 } from '../../../electron/core/otp/base32.ts';
import { otpParams } from '../../../electron/core/otp/entry.ts';

const ISSUERS = ['Amazon Web Services', 'Cloudflare', 'DigitalOcean', 'Dropbox', 'Fastly', 'Hetzner', 'Linode', 'Mailgun', 'Proton', 'Slack', 'Stripe', 'Tailscale'];

const secret = (): string => encodeBase32(randomBytes(20));

/** Generated accounts: issuer from a list, a numbered label, every tenth in a group. */
export function generatedAccounts(count: number, start = 0): NewAccount[] {
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    return {
      issuer: ISSUERS[n % ISSUERS.length] ?? 'Service',
      label: `user${n}@example.com`,
      otp: otpParams({ type: 'totp', secret: secret() }),
      ...(n % 10 === 0 ? { groups: ['Servers'] } : {}),
    };
  });
}

export const totp = (issuer: string, label: string, extra: Partial<NewAccount> & { digits?: number; period?: number } = {}): NewAccount => {
  const { digits, period, ...rest } = extra;
  return { issuer, label, otp: otpParams({ type: 'totp', secret: secret(), ...(digits ? { digits } : {}), ...(period ? { period } : {}) }), ...rest };
};

/** Creates the vault (unlocked) and adds `named` then generated accounts up to `total`. */
export async function seedVault(core: Core, password: string, named: readonly NewAccount[], total: number): Promise<void> {
  await core.vault.create(password);
  await core.accounts.addMany([...named, ...generatedAccounts(Math.max(0, total - named.length))]);
}
