// Runs in: tests.
//
// An HTTP client for the Weavr and Appgate tests that checks every response it receives
// against the published OpenAPI spec, when ../shared/specs is present.

import assert from 'node:assert/strict';
import type { OpenApiValidator } from './openapi-validator.ts';

/**
 * A parsed JSON reply as the tests read it. Note (any): the tests reach into provider replies
 * by path and assert on what they find; the shapes themselves are checked by the OpenAPI
 * validator and by those assertions, so a static type here would only repeat them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonReply = any;

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON; undefined for an empty body. */
  readonly body: JsonReply;
}

export interface RequestOptions {
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** For statuses the vendor uses but does not publish (Appgate's 412). */
  readonly undocumented?: boolean;
}

export type ApiClient = (method: string, path: string, options?: RequestOptions) => Promise<ApiResponse>;

/** `base` is the provider's base URL (…/multi, …/admin); paths are as in the spec. */
export function conformingClient(base: string, validator: OpenApiValidator | undefined, counter?: { checked: number }): ApiClient {
  return async (method, path, options = {}) => {
    const init: RequestInit = { method, headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers } };
    if (options.body !== undefined) init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const response = await fetch(base + path, init);
    const text = await response.text();
    const body = text === '' ? undefined : JSON.parse(text);
    if (validator) {
      const result = validator.check(method, path.split('?')[0]!, response.status, body);
      if (options.undocumented) assert.equal(result.documented, false, `${method} ${path} ${response.status} was expected to be outside the spec`);
      else {
        assert.ok(result.documented, `${method} ${path} answered ${response.status}, which the spec does not list`);
        assert.deepEqual(result.errors, [], `${method} ${path} ${response.status} does not match the spec: ${result.errors.join('; ')}`);
        if (counter) counter.checked += 1;
      }
    }
    return { status: response.status, headers: response.headers, body };
  };
}
