// Runs in: tests. The tray menu as data (electron/main/tray/menu-model.ts): what each vault,
// session and approval state shows, the bounds on its size, and the key that decides whether
// Electron's menu is built again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_FAVOURITES, MAX_LABEL, menuKey, trayMenu, type TrayAction, type TrayFavourite, type TrayItem, type TrayProfile, type TrayState } from '../../../electron/main/tray/menu-model.ts';
import { menuLabel, menuTemplate } from '../../../electron/main/tray/menu-template.ts';

const at = (ms: number) => `at ${ms}`;
const ACME = { id: 'id-acme', name: 'Acme Ltd' };
const BETA = { id: 'id-beta', name: 'Beta Corp' };

function unlocked(fields: Partial<TrayState> = {}): TrayState {
  return { vault: 'unlocked', favourites: [], profiles: [], approvals: { pending: 0, held: 0 }, ...fields };
}

function favourite(n: number, fields: Partial<TrayFavourite> = {}): TrayFavourite {
  return { id: `a${n}`, issuer: `Issuer ${n}`, label: `user${n}@example.com`, hotp: false, ...fields };
}

function profile(session: TrayProfile['session'], fields: Partial<TrayProfile> = {}): TrayProfile {
  return { id: 'p1', name: 'NAS', session, identities: null, ...fields };
}

/** The menu as a person reads it: labels, '---' for separators, submenus nested, radios with their tick. */
function outline(items: readonly TrayItem[]): unknown[] {
  return items.map((item) => {
    switch (item.kind) {
      case 'separator':
        return '---';
      case 'submenu':
        return { [item.label]: outline(item.items) };
      case 'radio':
        return `${item.checked ? '(x)' : '( )'} ${item.label}`;
      default:
        return item.label;
    }
  });
}

function action(items: readonly TrayItem[], label: string): TrayAction | undefined {
  for (const item of items) {
    if ((item.kind === 'item' || item.kind === 'radio') && item.label === label) return item.action;
    if (item.kind === 'submenu') {
      const found = action(item.items, label);
      if (found) return found;
    }
  }
  return undefined;
}

describe('the tray menu model', () => {
  it('locked: only Unlock…, Open and Quit, nothing from the vault', () => {
    const menu = trayMenu({ ...unlocked({ favourites: [favourite(1)], profiles: [profile({ state: 'logged-out' })], approvals: { pending: 2, held: 0 } }), vault: 'locked' }, at);
    assert.deepEqual(outline(menu.items), ['Unlock…', '---', 'Open Authdesk', 'Quit Authdesk']);
    assert.deepEqual(action(menu.items, 'Unlock…'), { type: 'open' });
    assert.equal(menu.tooltip, 'Authdesk (locked)');
    assert.deepEqual(outline(trayMenu({ ...unlocked(), vault: 'none' }, at).items)[0], 'Set up Authdesk…');
  });

  it('unlocked: favourites to copy, a login per profile, approvals, Lock now, Open and Quit', () => {
    const menu = trayMenu(unlocked({ favourites: [favourite(1), favourite(2, { issuer: '', label: 'bare' }), favourite(3, { hotp: true })], profiles: [profile({ state: 'logged-out' })] }), at);
    assert.deepEqual(outline(menu.items), [
      'Copy a code',
      'Issuer 1 · user1@example.com',
      'bare',
      'Issuer 3 · user3@example.com (next code)',
      '---',
      'Log in to NAS',
      '---',
      'Approvals (none pending)',
      '---',
      'Lock now',
      'Open Authdesk',
      'Quit Authdesk',
    ]);
    assert.deepEqual(action(menu.items, 'Issuer 1 · user1@example.com'), { type: 'copy', accountId: 'a1', hotp: false });
    assert.deepEqual(action(menu.items, 'Issuer 3 · user3@example.com (next code)'), { type: 'copy', accountId: 'a3', hotp: true });
    assert.deepEqual(action(menu.items, 'Log in to NAS'), { type: 'login', profileId: 'p1' });
    assert.deepEqual(action(menu.items, 'Approvals (none pending)'), { type: 'approvals' });
    assert.deepEqual(action(menu.items, 'Lock now'), { type: 'lock' });
    assert.deepEqual(action(menu.items, 'Quit Authdesk'), { type: 'quit' });
    assert.equal(menu.tooltip, 'Authdesk');
  });

  it('with no favourites it says how to get some', () => {
    assert.deepEqual(outline(trayMenu(unlocked(), at).items)[0], 'No favourites yet: star an account in Authdesk');
  });

  it('shows at most 15 favourites, then how many more the window has', () => {
    const menu = trayMenu(unlocked({ favourites: Array.from({ length: 20 }, (_, n) => favourite(n)) }), at);
    const labels = outline(menu.items);
    assert.equal(labels.filter((label) => String(label).startsWith('Issuer ')).length, MAX_FAVOURITES);
    assert.ok(labels.includes('5 more in Authdesk…'));
    assert.deepEqual(action(menu.items, '5 more in Authdesk…'), { type: 'open' });
  });

  it('cuts long names to 48 characters with an ellipsis, and never splits a character', () => {
    const long = favourite(1, { issuer: 'A very long issuer name that goes on', label: '😀'.repeat(30) });
    const [, item] = trayMenu(unlocked({ favourites: [long] }), at).items;
    assert.ok(item?.kind === 'item');
    assert.equal([...item.label].length, MAX_LABEL);
    assert.ok(item.label.endsWith('…'));
    assert.ok(!item.label.includes('\uFFFD') && /^[^\uD800-\uDFFF]*(?:[\uD800-\uDBFF][\uDC00-\uDFFF][^\uD800-\uDFFF]*)*$/u.test(item.label), 'no lone surrogate');
  });

  it('words each session state; a login under way opens the window on it', () => {
    const label = (session: TrayProfile['session']) => outline(trayMenu(unlocked({ profiles: [profile(session)] }), at).items)[2];
    assert.equal(label({ state: 'logging-in' }), 'NAS: logging in…');
    assert.equal(label({ state: 'awaiting-otp', attempt: 1 }), 'NAS: waiting for a code…');
    assert.equal(label({ state: 'awaiting-approval', message: 'Approve it', until: null }), 'NAS: waiting for approval…');
    assert.equal(label({ state: 'expired' }), 'Log in to NAS again (expired)');
    assert.equal(label({ state: 'error', error: { code: 'PROVIDER_AUTH_FAILED', message: 'The service refused the password.' } }), 'Log in to NAS again (last try failed)');
    const waiting = trayMenu(unlocked({ profiles: [profile({ state: 'awaiting-otp', attempt: 1 })] }), at);
    assert.deepEqual(action(waiting.items, 'NAS: waiting for a code…'), { type: 'show-session', profileId: 'p1' });
  });

  it('a live session is a submenu: until when, the identities as radio items with the current one ticked, and Log out', () => {
    const active = profile({ state: 'active', until: 1000, identity: ACME }, { name: 'Weavr', identities: [ACME, BETA] });
    const menu = trayMenu(unlocked({ profiles: [active] }), at);
    assert.deepEqual(outline(menu.items)[2], { 'Weavr: logged in': ['Logged in as Acme Ltd until at 1000', '---', 'Act as', '(x) Acme Ltd', '( ) Beta Corp', '---', 'Log out'] });
    assert.deepEqual(action(menu.items, 'Beta Corp'), { type: 'switch-identity', profileId: 'p1', identityId: BETA.id });
    assert.deepEqual(action(menu.items, 'Log out'), { type: 'logout', profileId: 'p1' });
    // One identity, or none known: nothing to switch to.
    const single = trayMenu(unlocked({ profiles: [{ ...active, identities: [ACME] }] }), at);
    assert.deepEqual(outline(single.items)[2], { 'Weavr: logged in': ['Logged in as Acme Ltd until at 1000', '---', 'Log out'] });
    const forever = trayMenu(unlocked({ profiles: [profile({ state: 'active', until: null, identity: null })] }), at);
    assert.deepEqual(outline(forever.items)[2], { 'NAS: logged in': ['Logged in', '---', 'Log out'] });
  });

  it('counts the approvals waiting, and those held back, in the item and the tooltip', () => {
    const menu = trayMenu(unlocked({ approvals: { pending: 2, held: 3 } }), at);
    assert.ok(outline(menu.items).includes('Approvals (2 pending, 3 held)'));
    assert.equal(menu.tooltip, 'Authdesk: 2 approval requests waiting');
    assert.equal(trayMenu(unlocked({ approvals: { pending: 1, held: 0 } }), at).tooltip, 'Authdesk: 1 approval request waiting');
  });

  it('the key changes only when what the menu shows changes', () => {
    const base = unlocked({ favourites: [favourite(1)], profiles: [profile({ state: 'awaiting-otp', attempt: 1 })] });
    const key = menuKey(trayMenu(base, at));
    assert.equal(menuKey(trayMenu(structuredClone(base), at)), key, 'the same state, rebuilt from scratch');
    // A refused code asks again: attempt 2 reads the same.
    assert.equal(menuKey(trayMenu({ ...base, profiles: [profile({ state: 'awaiting-otp', attempt: 2 })] }, at)), key);
    assert.notEqual(menuKey(trayMenu({ ...base, favourites: [favourite(1, { label: 'renamed' })] }, at)), key);
    assert.notEqual(menuKey(trayMenu({ ...base, profiles: [profile({ state: 'logged-out' })] }, at)), key);
    assert.notEqual(menuKey(trayMenu({ ...base, approvals: { pending: 1, held: 0 } }, at)), key);
  });
});

describe('the tray menu as an Electron template', () => {
  it('doubles & on Windows and Linux, where a single one marks an access key', () => {
    assert.equal(menuLabel('AT&T · me', 'win32'), 'AT&&T · me');
    assert.equal(menuLabel('AT&T · me', 'linux'), 'AT&&T · me');
    assert.equal(menuLabel('AT&T · me', 'darwin'), 'AT&T · me');
  });

  it('notes cannot be clicked; items, radios and submenus keep their actions', () => {
    const ran: unknown[] = [];
    const menu = trayMenu(unlocked({ favourites: [favourite(1)], profiles: [profile({ state: 'active', until: null, identity: ACME }, { identities: [ACME, BETA] })] }), at);
    const template = menuTemplate(menu.items, (a) => ran.push(a), 'linux');
    assert.deepEqual(template[0], { label: 'Copy a code', enabled: false });
    const sub = template.find((item) => item.label === 'NAS: logged in')?.submenu;
    assert.ok(Array.isArray(sub));
    const beta = sub.find((item) => item.label === 'Beta Corp');
    assert.equal(beta?.type, 'radio');
    assert.equal(beta?.checked, false);
    (template[1]?.click as () => void)();
    (beta?.click as () => void)();
    assert.deepEqual(ran, [{ type: 'copy', accountId: 'a1', hotp: false }, { type: 'switch-identity', profileId: 'p1', identityId: BETA.id }]);
  });
});
