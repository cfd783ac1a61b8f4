// Runs in: sandbox (`npm run sandbox`; never shipped).
//
// What the sandbox prints at start: a page for a person, or one JSON line for scripts.

import type { Sandbox } from './index.ts';

const TITLES = { truenas: 'TrueNAS', weavr: 'Weavr Multi', appgate: 'Appgate SDP' } as const;

export function sandboxJson(sandbox: Sandbox): string {
  return JSON.stringify({
    truenas: { url: sandbox.urls.truenas },
    weavr: { url: sandbox.urls.weavr, apiKey: sandbox.seed.weavr.apiKey },
    appgate: { url: sandbox.urls.appgate },
    approvals: { url: sandbox.urls.approvals, serviceKey: sandbox.seed.approvals.serviceKey, accounts: sandbox.seed.approvals.accounts },
    faults: { url: sandbox.urls.faults },
    ...(sandbox.certificate ? { certificate: { sha256: sandbox.certificate.fingerprint256 } } : {}),
    users: sandbox.users.map(({ provider, username, password, otpauth, notes }) => ({ provider, username, password, otpauth, notes })),
  });
}

export function sandboxText(sandbox: Sandbox): string {
  const { urls, seed } = sandbox;
  const lines = [
    'Authdesk sandbox is running on this computer only (press Ctrl+C to stop).',
    '',
    `  TrueNAS       ${urls.truenas}`,
    `  Weavr Multi   ${urls.weavr}   (api-key: ${seed.weavr.apiKey}; simulator ${urls.weavrSimulator})`,
    `  Appgate SDP   ${urls.appgate}   (Accept: application/vnd.appgate.peer-v${seed.appgate.peerVersion}+json)`,
    `  Devices       ${urls.approvals}   (push approvals, see docs/device-approvals.md)`,
    `  Faults        ${urls.faults}   (POST {"route":"/multi","kind":"status","status":503})`,
  ];
  // Pairing tokens live 10 minutes, so the page shows how to ask for one rather than one that will lapse.
  lines.push('', 'Pairing links for push approvals (one-time, 10 minutes; docs/device-approvals.md §3):');
  for (const { account } of seed.approvals.accounts) {
    lines.push(`  curl -s${sandbox.certificate ? ' -k' : ''} -X POST ${urls.approvals}/pairings -H 'authorization: Bearer ${seed.approvals.serviceKey}' -H 'content-type: application/json' -d '{"account":"${account}"}'`);
  }
  if (sandbox.certificate) {
    lines.push('', `  Self-signed certificate, SHA-256 ${sandbox.certificate.fingerprint256}`, '  (new at every start: pin it on first use)');
  }
  lines.push('', 'Demo users. Add each otpauth:// link to Authdesk (in the app, or: authdesk add \'<link>\') to get its codes.');
  for (const provider of ['truenas', 'weavr', 'appgate'] as const) {
    lines.push('', TITLES[provider]);
    for (const user of sandbox.users.filter((u) => u.provider === provider)) {
      lines.push(`  ${user.username}  password: ${user.password}`);
      if (user.otpauth) lines.push(`    TOTP: ${user.otpauth}`);
      lines.push(`    ${user.notes}`);
    }
  }
  return lines.join('\n');
}
