// Runs in: tests. The registry hands each profile the client for its service, or says clearly there is none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthdeskError, isAuthdeskError } from '../../../electron/core/errors.ts';
import { createProviderRegistry, PROVIDER_NAMES, type ProviderTable } from '../../../electron/core/providers/index.ts';
import type { ProviderType } from '../../../electron/core/vault/model.ts';
import { DoubleProvider } from '../../support/providers/double-provider.ts';

function unknown(error: unknown): error is AuthdeskError {
  return isAuthdeskError(error, 'PROVIDER_UNKNOWN');
}

describe('provider registry', () => {
  it('gives each registered type its own provider', () => {
    const truenas = new DoubleProvider();
    const weavr = new DoubleProvider();
    const registry = createProviderRegistry({ truenas, weavr });
    assert.equal(registry.get('truenas'), truenas);
    assert.equal(registry.get('weavr'), weavr);
  });

  it('a known service with no registered provider: PROVIDER_UNKNOWN naming the service and what to do', () => {
    const registry = createProviderRegistry({ truenas: new DoubleProvider() });
    assert.throws(
      () => registry.get('appgate'),
      (error) => unknown(error) && error.message === 'This build of Authdesk cannot log in to Appgate SDP. Update Authdesk, or use a profile for another service.',
    );
  });

  it('an empty registry refuses every type: nothing stands in for a missing provider', () => {
    const registry = createProviderRegistry({});
    for (const type of Object.keys(PROVIDER_NAMES) as ProviderType[]) assert.throws(() => registry.get(type), unknown);
  });

  it('a type no Authdesk knows (a newer or damaged vault), even an Object prototype key: PROVIDER_UNKNOWN', () => {
    const registry = createProviderRegistry({ truenas: new DoubleProvider() });
    for (const type of ['okta', 'constructor', '__proto__', 'toString']) {
      assert.throws(
        () => registry.get(type as ProviderType),
        (error) => unknown(error) && error.message === 'This profile is for a service Authdesk does not know. Update Authdesk, or recreate the profile.',
        type,
      );
    }
  });

  it('keeps the table it was built with: later changes to the caller\'s object do not reach it', () => {
    const table: { -readonly [K in keyof ProviderTable]: ProviderTable[K] } = { truenas: new DoubleProvider() };
    const registry = createProviderRegistry(table);
    delete table.truenas;
    table.weavr = new DoubleProvider();
    assert.ok(registry.get('truenas'));
    assert.throws(() => registry.get('weavr'), unknown);
  });

  it('the error travels as a code and a message only', () => {
    const registry = createProviderRegistry({});
    try {
      registry.get('weavr');
      assert.fail('expected PROVIDER_UNKNOWN');
    } catch (error) {
      assert.ok(error instanceof AuthdeskError);
      assert.deepEqual(error.toWire(), { code: 'PROVIDER_UNKNOWN', message: 'This build of Authdesk cannot log in to Weavr Multi. Update Authdesk, or use a profile for another service.' });
    }
  });
});
