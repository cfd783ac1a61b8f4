// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// The demo data. Seeds are fixed Base32 strings so a person can add them to Authdesk once and
// keep using them across restarts; tests take `demoSeed()` and change what they need.

export interface TruenasUser {
  readonly username: string;
  readonly password: string;
  readonly fullName: string;
  readonly uid: number;
  /** A TOTP seed means the account carries the 2FA flag. */
  readonly totp?: { readonly secret: string; readonly interval: number; readonly digits: number };
  /** PAM_ACCT_EXPIRED: the password is right but the account has expired. */
  readonly expired?: boolean;
  /** The account lives on an HA pair where this node is the standby: log in at these URLs instead. */
  readonly redirectUrls?: readonly string[];
  readonly roles: readonly string[];
}

export interface TruenasApiKey {
  readonly id: number;
  readonly username: string;
  readonly key: string;
}

export interface WeavrIdentity {
  readonly type: 'CONSUMER' | 'CORPORATE';
  readonly id: string;
  readonly name: string;
}

export interface WeavrUser {
  readonly email: string;
  readonly password: string;
  readonly credentials: { readonly type: 'ROOT' | 'USER'; readonly id: string };
  readonly identities: readonly WeavrIdentity[];
  readonly smsEnrolled: boolean;
  /** Push channel enrolled for step-up; its challenges go to the user's Authdesk device. */
  readonly pushEnrolled: boolean;
  readonly passwordExpired?: boolean;
}

export type AppgateMfa =
  | { readonly type: 'AlreadySeeded'; readonly secret: string }
  | { readonly type: 'Secret'; readonly secret: string }
  | { readonly type: 'Challenge'; readonly secret: string }
  | { readonly type: 'Push' }
  | { readonly type: 'None' };

export interface AppgateUser {
  readonly username: string;
  readonly password: string;
  readonly mfa: AppgateMfa;
  readonly admin: boolean;
}

export interface ApprovalAccount {
  /** "weavr:<email>" or "appgate:<username>": the user whose pushes a device receives. */
  readonly account: string;
  /** Digits of the number on the requesting screen that the person types on the device (2 to 6). */
  readonly numberDigits: number;
}

export interface SandboxSeed {
  readonly truenas: {
    readonly hostname: string;
    /** The server's authenticator assurance level: 2 is TrueNAS's STIG mode. */
    readonly aal: 1 | 2;
    /** auth.twofactor.config `window`: how many 30-second steps either side are accepted. */
    readonly otpWindow: number;
    /** Unauthenticated calls per (method, address) per 60 s window before EBUSY; the real server allows 20. */
    readonly rateLimit: number;
    readonly users: readonly TruenasUser[];
    readonly apiKeys: readonly TruenasApiKey[];
  };
  readonly weavr: {
    readonly apiKey: string;
    /** Consecutive wrong passwords before the account locks for 30 minutes (Weavr does not publish it). */
    readonly lockoutAfter: number;
    /** Password logins allowed per client address per minute before 429. */
    readonly loginRateLimit: number;
    /** Where step-up and login events are POSTed (`<url>/stepup/watch`); none means no webhooks. */
    readonly webhookUrl?: string;
    readonly users: readonly WeavrUser[];
  };
  readonly appgate: {
    readonly peerVersion: number;
    readonly lowestPeerVersion: number;
    readonly providerName: string;
    /** Seconds the controller waits for a push answer (the `timeout` of a Push initialization). */
    readonly pushTimeoutSeconds: number;
    readonly users: readonly AppgateUser[];
  };
  readonly approvals: {
    /** The pairing authority's key (Authorization: Bearer): it issues pairing tokens, lists and revokes devices. */
    readonly serviceKey: string;
    readonly accounts: readonly ApprovalAccount[];
  };
}

export function demoSeed(): SandboxSeed {
  return {
    truenas: {
      hostname: 'truenas-sandbox',
      aal: 1,
      otpWindow: 0,
      rateLimit: 20,
      users: [
        { username: 'admin', password: 'truenas-admin', fullName: 'Sandbox Administrator', uid: 950, roles: ['FULL_ADMIN'], totp: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', interval: 30, digits: 6 } },
        { username: 'operator', password: 'truenas-operator', fullName: 'Sandbox Operator', uid: 951, roles: ['READONLY_ADMIN'] },
        { username: 'retired', password: 'truenas-retired', fullName: 'Expired Account', uid: 952, roles: ['READONLY_ADMIN'], expired: true },
        { username: 'standby', password: 'truenas-standby', fullName: 'Standby Node Account', uid: 953, roles: ['FULL_ADMIN'], redirectUrls: ['127.0.0.2'] },
      ],
      apiKeys: [{ id: 1, username: 'operator', key: 'Sb0xApiKeyForTheOperatorAccount0000000000000000000000000000000000' }],
    },
    weavr: {
      apiKey: 'sandbox-weavr-api-key',
      lockoutAfter: 5,
      loginRateLimit: 20,
      users: [
        {
          email: 'alice@example.com', password: 'weavr-alice', credentials: { type: 'ROOT', id: '1001' },
          identities: [
            { type: 'CONSUMER', id: '2001', name: 'Alice Example' },
            { type: 'CORPORATE', id: '3001', name: 'Example Trading Ltd' },
            { type: 'CORPORATE', id: '3002', name: 'Example Holdings Ltd' },
          ],
          smsEnrolled: true, pushEnrolled: true,
        },
        {
          email: 'bob@example.com', password: 'weavr-bob', credentials: { type: 'USER', id: '1002' },
          identities: [{ type: 'CONSUMER', id: '2002', name: 'Bob Example' }],
          smsEnrolled: false, pushEnrolled: false, passwordExpired: true,
        },
      ],
    },
    appgate: {
      peerVersion: 23,
      lowestPeerVersion: 18,
      providerName: 'local',
      pushTimeoutSeconds: 60,
      users: [
        { username: 'admin', password: 'appgate-admin', admin: true, mfa: { type: 'AlreadySeeded', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' } },
        { username: 'newadmin', password: 'appgate-newadmin', admin: true, mfa: { type: 'Secret', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' } },
        { username: 'radius', password: 'appgate-radius', admin: true, mfa: { type: 'Challenge', secret: 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA' } },
        { username: 'pushy', password: 'appgate-pushy', admin: true, mfa: { type: 'Push' } },
        { username: 'auditor', password: 'appgate-auditor', admin: false, mfa: { type: 'None' } },
      ],
    },
    approvals: {
      serviceKey: 'sandbox-approvals-service-key',
      accounts: [
        { account: 'weavr:alice@example.com', numberDigits: 3 },
        { account: 'appgate:pushy', numberDigits: 4 },
      ],
    },
  };
}
