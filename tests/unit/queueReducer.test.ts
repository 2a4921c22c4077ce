import { describe, expect, it } from 'vitest';
import { queueEventSchema, type QueueEvent } from '../../shared/queue/queueEvents.ts';
import { applyQueueEvent, emptyQueue, reduceQueue, type QueueState } from '../../shared/queue/reduceQueue.ts';
import { queueEvents, TEST_DAY } from '../support/queueEvents.ts';

const q = queueEvents();

function stateOf(...events: QueueEvent[]): QueueState {
  const { state, refused } = reduceQueue(TEST_DAY, events);
  expect(refused).toEqual([]);
  return state;
}

/** The code the reducer refuses `event` with, on the state of `before`. */
function refusal(before: QueueEvent[], event: QueueEvent): string {
  const applied = applyQueueEvent(stateOf(...before), event);
  if (applied.ok) throw new Error(`${event.kind} ${'number' in event ? event.number : ''} was accepted`);
  return applied.error.code;
}

describe('queue reducer: a ticket from issue to done', () => {
  it('issues a waiting ticket with its service and time', () => {
    const e = q.issue('A001');
    const t = stateOf(e).tickets.get('A001')!;
    expect(t).toMatchObject({ status: 'waiting', serviceId: 'ho-tich', issueId: e.id, issuedAt: e.at, counter: null, origin: 'server' });
  });

  it('calls a waiting ticket to a counter, which then holds it', () => {
    const s = stateOf(q.issue('A001'), q.call('A001', 2));
    expect(s.tickets.get('A001')).toMatchObject({ status: 'called', counter: 2, recalls: 0 });
    expect(s.counters.get(2)?.current).toBe('A001');
  });

  it('recalls, starts and finishes at the same counter, freeing it', () => {
    const s = stateOf(q.issue('A001'), q.call('A001', 2), q.recall('A001', 2), q.start('A001', 2), q.finish('A001', 2));
    const t = s.tickets.get('A001')!;
    expect(t).toMatchObject({ status: 'done', counter: 2, recalls: 1 });
    expect(t.startedAt! <= t.finishedAt!).toBe(true);
    expect(s.counters.get(2)?.current).toBeNull();
  });

  it('marks a called person absent and frees the counter; a call by hand brings them back', () => {
    const absent = stateOf(q.issue('A001'), q.call('A001', 2), q.noShow('A001', 2));
    expect(absent.tickets.get('A001')?.status).toBe('no_show');
    expect(absent.counters.get(2)?.current).toBeNull();
    const back = stateOf(q.issue('A001'), q.call('A001', 2), q.noShow('A001', 2), q.manualCall('A001', 3));
    expect(back.tickets.get('A001')).toMatchObject({ status: 'called', counter: 3 });
  });

  it('transfers to another service: waiting again, ahead of numbers not yet served, counter freed', () => {
    const s = stateOf(q.issue('A001'), q.call('A001', 1), q.start('A001', 1), q.transfer('A001', 1, { service: 'dat-dai' }));
    expect(s.tickets.get('A001')).toMatchObject({ status: 'waiting', serviceId: 'dat-dai', transferred: true, counter: null, forCounter: null });
    expect(s.counters.get(1)?.current).toBeNull();
  });

  it('transfers to one counter, keeping the service', () => {
    const s = stateOf(q.issue('A001'), q.call('A001', 1), q.transfer('A001', 1, { counter: 4 }));
    expect(s.tickets.get('A001')).toMatchObject({ status: 'waiting', serviceId: 'ho-tich', forCounter: 4 });
  });

  it('pauses a free counter with its reason and resumes it', () => {
    const paused = stateOf(q.pause(3, 'meeting'));
    expect(paused.counters.get(3)?.paused).toMatchObject({ reason: 'meeting' });
    expect(stateOf(q.pause(3), q.resume(3)).counters.get(3)?.paused).toBeNull();
  });

  it('calls by hand a number it has never seen (an offline kiosk ticket), then takes its issue when it arrives', () => {
    const issue = q.issue('D03-A001', { origin: 'offline' });
    const s = stateOf(q.manualCall('D03-A001', 2, 'ho-tich'), issue);
    expect(s.tickets.get('D03-A001')).toMatchObject({ status: 'called', counter: 2, origin: 'offline', issueId: issue.id, issuedAt: issue.at });
    expect(s.size).toBe(1);
  });

  it('voids a waiting ticket whose kiosk never got the answer, and ignores a void for nothing or for a called one', () => {
    const issue = q.issue('A001');
    expect(stateOf(issue, q.voidIssue(issue.id)).tickets.get('A001')?.status).toBe('cancelled');
    expect(stateOf(q.voidIssue(issue.id)).size).toBe(0);
    expect(stateOf(issue, q.call('A001', 1), q.voidIssue(issue.id)).tickets.get('A001')?.status).toBe('called');
  });
});

describe('queue reducer: illegal moves are refused with a reason code and change nothing', () => {
  it('refuses calling by hand a server number never given (a typo must not reserve it)', () => {
    expect(refusal([q.issue('A001')], q.manualCall('A002', 1))).toBe('queue.error.unknownTicket');
  });

  it('refuses the same number twice', () => {
    expect(refusal([q.issue('A001')], q.issue('A001'))).toBe('queue.error.numberTaken');
  });

  it('refuses calling an unknown, called or finished number', () => {
    expect(refusal([], q.call('A009', 1))).toBe('queue.error.unknownTicket');
    expect(refusal([q.issue('A001'), q.call('A001', 1)], q.call('A001', 2))).toBe('queue.error.notWaiting');
    expect(refusal([q.issue('A001'), q.call('A001', 1), q.start('A001', 1), q.finish('A001', 1)], q.manualCall('A001', 2))).toBe('queue.error.notWaiting');
  });

  it('refuses a second call while the counter still holds someone', () => {
    expect(refusal([q.issue('A001'), q.issue('A002'), q.call('A001', 1)], q.call('A002', 1))).toBe('queue.error.counterBusy');
  });

  it('refuses calling at a paused counter, pausing twice, resuming a running one, pausing a busy one', () => {
    expect(refusal([q.issue('A001'), q.pause(1)], q.call('A001', 1))).toBe('queue.error.counterPaused');
    expect(refusal([q.pause(1)], q.pause(1))).toBe('queue.error.counterPaused');
    expect(refusal([], q.resume(1))).toBe('queue.error.notPaused');
    expect(refusal([q.issue('A001'), q.call('A001', 1)], q.pause(1))).toBe('queue.error.counterBusy');
  });

  it('refuses acting on a ticket another counter holds', () => {
    expect(refusal([q.issue('A001'), q.call('A001', 1)], q.start('A001', 2))).toBe('queue.error.calledElsewhere');
    expect(refusal([q.issue('A001'), q.call('A001', 1)], q.recall('A001', 2))).toBe('queue.error.calledElsewhere');
  });

  it('refuses recall, absence and start of a ticket not called, and finish of one not started', () => {
    expect(refusal([q.issue('A001')], q.recall('A001', 1))).toBe('queue.error.notCalled');
    expect(refusal([q.issue('A001')], q.noShow('A001', 1))).toBe('queue.error.notCalled');
    expect(refusal([q.issue('A001')], q.start('A001', 1))).toBe('queue.error.notCalled');
    expect(refusal([q.issue('A001'), q.call('A001', 1)], q.finish('A001', 1))).toBe('queue.error.notServing');
    expect(refusal([q.issue('A001')], q.transfer('A001', 1, { service: 'khac' }))).toBe('queue.error.notCalled');
  });

  it("refuses an event of another day on this day's queue", () => {
    const other = queueEvents('2027-03-02').issue('A001');
    expect(refusal([], other)).toBe('queue.error.wrongDay');
  });

  it('leaves the state untouched when it refuses', () => {
    const before = stateOf(q.issue('A001'), q.call('A001', 1));
    const after = applyQueueEvent(before, q.call('A001', 2));
    expect(after.ok).toBe(false);
    expect(before.tickets.get('A001')?.counter).toBe(1);
  });

  it('skips and lists refused events when folding a log, applying the rest', () => {
    const bad = q.finish('A001', 1);
    const { state, refused } = reduceQueue(TEST_DAY, [q.issue('A001'), bad, q.call('A001', 1)]);
    expect(refused.map((r) => [r.event.id, r.refusal.code])).toEqual([[bad.id, 'queue.error.notServing']]);
    expect(state.tickets.get('A001')?.status).toBe('called');
  });

  it('does not change the previous state object (a pure step)', () => {
    const empty = emptyQueue(TEST_DAY);
    const next = applyQueueEvent(empty, q.issue('A001'));
    expect(next.ok).toBe(true);
    expect(empty.tickets.size).toBe(0);
  });
});

describe('queue events schema', () => {
  it('accepts each kind the helpers make and refuses a malformed one', () => {
    for (const e of [q.issue('A001'), q.call('A001', 1), q.transfer('A001', 1, { counter: 2 }), q.pause(1), q.voidIssue(q.issue('A002').id)]) {
      expect(queueEventSchema.safeParse(e).success).toBe(true);
    }
    expect(queueEventSchema.safeParse({ ...q.call('A001', 1), number: 'A1' }).success).toBe(false);
    expect(queueEventSchema.safeParse({ ...q.call('A001', 1), counter: 0 }).success).toBe(false);
    expect(queueEventSchema.safeParse({ ...q.issue('A001'), day: '2027-02-30' }).success).toBe(false);
    expect(queueEventSchema.safeParse({ ...q.transfer('A001', 1, { counter: 2 }), toCounter: null }).success).toBe(false);
    expect(queueEventSchema.safeParse({ ...q.call('A001', 1), kind: 'teleport' }).success).toBe(false);
  });
});
