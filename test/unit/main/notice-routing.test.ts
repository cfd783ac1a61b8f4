// Runs in: tests. What main does with a notice, without Electron: its words as the OS shows
// them, which notice a newer one replaces, how many are held for their clicks, and a click.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NavigateTarget } from '../../../electron/core/app/shell.ts';
import { MAX_HELD, NoticeBoard, noticeKey, noticeText, routeClick } from '../../../electron/main/notifications/notice-routing.ts';

class Shown {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

const target = { screen: 'approvals', challengeId: 'c-1' } as const;

describe('notice routing', () => {
  it('shows one line of words without characters that hide or reorder text, bounded', () => {
    // The action comes from a server: a right-to-left override could make it read as something else.
    const shown = noticeText({ title: 'Approval\nrequest', body: 'Weavr: Sign in\u202Egnp.exe\u0007, from 198.51.100.23.', target });
    assert.deepEqual(shown, { title: 'Approval request', body: 'Weavr: Sign ingnp.exe, from 198.51.100.23.' });
    const long = noticeText({ title: 'T', body: 'x'.repeat(5000), target });
    assert.equal(long.body.length, 400);
    assert.ok(long.body.endsWith('…'), 'a cut is marked');
  });

  it('a newer notice about the same challenge or the same session replaces the older; others stay', () => {
    const board = new NoticeBoard<Shown>();
    const first = new Shown();
    const enrolled = new Shown();
    const session = new Shown();
    board.add(noticeKey(target), first);
    board.add(noticeKey({ screen: 'approvals' }), enrolled);
    board.add(noticeKey({ screen: 'sessions', profileId: 'p-1' }), session);
    board.add(noticeKey({ screen: 'sessions', profileId: 'p-2' }), new Shown());
    board.add(noticeKey({ screen: 'approvals' }), new Shown());
    assert.deepEqual([first.closed, enrolled.closed, session.closed], [false, false, false], 'different items each keep their notice');

    board.add(noticeKey({ screen: 'approvals', challengeId: 'c-1' }), new Shown());
    board.add(noticeKey({ screen: 'sessions', profileId: 'p-1' }), new Shown());
    assert.deepEqual([first.closed, session.closed], [true, true]);
  });

  it(`holds at most ${MAX_HELD} notices, closing the oldest; one clicked or closed is let go`, () => {
    const board = new NoticeBoard<Shown>();
    const clicked = new Shown();
    const oldest = new Shown();
    board.add(null, clicked);
    board.add(null, oldest);
    board.release(clicked);
    const rest = Array.from({ length: MAX_HELD - 1 }, () => new Shown());
    for (const shown of rest) board.add(null, shown);
    assert.equal(oldest.closed, false, `${MAX_HELD} held`);
    board.add(null, new Shown());
    assert.equal(oldest.closed, true, 'the oldest goes');
    assert.equal(clicked.closed, false, 'one already let go is not closed by main');
    assert.ok(rest.every((shown) => !shown.closed));
  });

  it('a click brings the window forward, then asks it to show the item', () => {
    const steps: string[] = [];
    routeClick({ screen: 'sessions', profileId: 'p-1' }, {
      showWindow: () => steps.push('window'),
      navigate: (to: NavigateTarget) => steps.push(`navigate ${JSON.stringify(to)}`),
    });
    assert.deepEqual(steps, ['window', 'navigate {"screen":"sessions","profileId":"p-1"}']);
  });
});
