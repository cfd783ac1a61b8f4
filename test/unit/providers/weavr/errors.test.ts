// Runs in: tests. Every status Weavr Multi documents for the calls Authdesk makes becomes a
// typed error with words; the statuses the sandbox cannot be made to send (400, 404, 405,
// 410, unknown ones) are checked here on their documented bodies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HttpResponse } from '../../../../electron/core/providers/net/index.ts';
import { weavrFailure, type WeavrCall } from '../../../../electron/core/providers/weavr/errors.ts';

const NOW = Date.UTC(2026, 2, 1, 9, 0, 0);
const SERVICE = 'Weavr Multi (work)';

function response(status: number, body?: unknown, headers: Record<string, string> = {}): HttpResponse {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: new Headers(headers), text, json: () => (text === '' ? null : JSON.parse(text)) };
}

const fail = (status: number, body?: unknown, call: WeavrCall = 'access', headers?: Record<string, string>) => weavrFailure(response(status, body, headers), call, SERVICE, NOW);

describe('Weavr statuses', () => {
  it('400 names the invalid fields and their rules, never their values', () => {
    const error = fail(400, { message: 'The request is invalid.', syntaxErrors: { invalidFields: [{ params: ['secret-value'], fieldName: 'password.value', error: 'SIZE' }] } }, 'login');
    assert.equal(error.code, 'PROVIDER_ERROR');
    assert.match(error.message, /malformed \(password\.value: SIZE\)/);
    assert.doesNotMatch(error.message, /secret-value/);
  });

  it('401 is the programme key at login and an ended session afterwards', () => {
    assert.match(fail(401, undefined, 'login').message, /did not accept the profile's programme key/);
    assert.match(fail(401, undefined, 'identities').message, /session has ended/);
  });

  it('403 is the password at login, a refused identity on /access_token, a step-up needed elsewhere', () => {
    assert.equal(fail(403, undefined, 'login').code, 'PROVIDER_AUTH_FAILED');
    assert.match(fail(403, undefined, 'access').message, /refused that identity/);
    assert.match(fail(403, { errorCode: 'STEP_UP_REQUIRED' }, 'stepup').message, /wants a step-up first/);
    assert.match(fail(403, { message: 'STEP_UP_REQUIRED' }, 'stepup').message, /wants a step-up first/, 'the sample app\'s form too');
    assert.match(fail(403, { errorCode: 'INSUFFICIENT_PERMISSIONS' }, 'stepup').message, /refused this action.*INSUFFICIENT_PERMISSIONS/);
  });

  it('404 TOKEN_EXPIRED and TOKEN_NOT_FOUND end the session; another 404 quotes the service', () => {
    assert.match(fail(404, { errorCode: 'TOKEN_EXPIRED' }, 'login').message, /session has ended/);
    assert.match(fail(404, { errorCode: 'TOKEN_NOT_FOUND' }).message, /session has ended/);
    assert.match(fail(404, { code: 'NOT_FOUND', message: 'No such route.' }).message, /not found": No such route\./);
  });

  it('409 is an expired password at login, a step-up conflict in words elsewhere', () => {
    assert.equal(fail(409, { token: 'temporary' }, 'login').code, 'PROVIDER_PASSWORD_EXPIRED');
    assert.doesNotMatch(fail(409, { token: 'temporary' }, 'login').message, /temporary/);
    const retry = fail(409, { errorCode: 'RETRY_IN_15SEC' }, 'stepup');
    assert.deepEqual([retry.code, retry.details?.retryAt], ['PROVIDER_RATE_LIMITED', NOW + 15_000]);
    assert.match(fail(409, { errorCode: 'CHANNEL_NOT_REGISTERED' }, 'stepup').message, /No step-up device/);
    assert.equal(fail(409, { errorCode: 'CHANNEL_NOT_SUPPORTED' }, 'stepup').code, 'PROVIDER_UNSUPPORTED');
    assert.match(fail(409, { errorCode: 'MOBILE_NUMBER_INVALID' }, 'stepup').message, /mobile number is not valid/);
    assert.match(fail(409, { errorCode: 'STATE_INVALID' }, 'stepup').message, /already waiting/);
    assert.match(fail(409, { errorCode: 'VERIFICATION_CODE_EXPIRED' }, 'stepup').message, /expired \(codes last 5 minutes\)/);
    assert.equal(fail(409, { errorCode: 'IDENTITY_TYPE_NOT_SUPPORTED' }, 'identities').code, 'PROVIDER_UNSUPPORTED');
    assert.match(fail(409, { errorCode: 'SOMETHING_NEW' }, 'stepup').message, /refused the request \(SOMETHING_NEW\)/);
  });

  it('410, 423, 429, 500, 503 and an undocumented status', () => {
    assert.match(fail(410, { errorCode: 'GONE' }, 'login').message, /no longer available \(GONE\)/);
    const locked = fail(423, undefined, 'login');
    assert.deepEqual([locked.code, locked.details?.retryAt], ['PROVIDER_LOCKED', NOW + 30 * 60_000]);
    assert.match(locked.message, /30 minutes.*after 09:30 UTC/);
    const limited = fail(429, undefined, 'login', { 'x-ratelimit-limit': '20, 10;w=60, 20;w=3600', 'x-ratelimit-reset': '150' });
    assert.deepEqual([limited.code, limited.details?.retryAt], ['PROVIDER_RATE_LIMITED', NOW + 150_000]);
    assert.match(limited.message, /Wait 3 minutes/);
    assert.equal(fail(429, undefined, 'login').details?.retryAt, NOW + 60_000, 'no reset header: the shortest documented window');
    assert.equal(fail(500).code, 'PROVIDER_UNAVAILABLE');
    assert.equal(fail(503).code, 'PROVIDER_UNAVAILABLE');
    assert.match(fail(418, 'not json').message, /unexpected status \(418\)\.$/);
    assert.equal(fail(405, { code: 'METHOD_NOT_ALLOWED', message: 'Method not allowed.' }).code, 'PROVIDER_ERROR');
  });
});
