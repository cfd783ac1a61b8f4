// Runs in: tests (Node).
//
// Note (missing browser): the e2e suite needs Debian's Chromium. Where it is missing the suite
// says how to get it and skips, except under AUTHDESK_REQUIRE_BROWSER=1 (CI), where a missing
// browser must fail the run instead of passing silently.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Undefined when Chromium is there; otherwise why each browser test skips (or throws under CI). */
export function chromiumSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const reason = `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` or point CHROMIUM_PATH at a Chromium binary.`;
  if (process.env.AUTHDESK_REQUIRE_BROWSER === '1') {
    throw new Error(`${reason} AUTHDESK_REQUIRE_BROWSER=1 is set, so the end-to-end suite fails instead of skipping.`);
  }
  return reason;
}
