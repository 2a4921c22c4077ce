/** Queue events for tests, in the words of the front desk: `q.issue('A001')`, `q.call('A001', 2)`. */
import { randomUUID } from 'node:crypto';
import type { PauseReason, QueueEvent } from '../../shared/queue/queueEvents.ts';
import type { PriorityCategory } from '../../shared/queue/queueSettings.ts';
import { queueSettingsSchema, type QueueSettings } from '../../shared/queue/queueSettings.ts';
import demo from '../../shared/queue/demoQueueSettings.json';

export const TEST_DAY = '2027-03-01';

export const demoSettings = (): QueueSettings => queueSettingsSchema.parse(demo);

/**
 * Events of one day, each a second after the previous one unless `at` says otherwise, from 08:00
 * Vietnam time on `day` or from `startMs` (server tests start an hour ago: the server refuses events from the future).
 */
export function queueEvents(day = TEST_DAY, startMs = Date.parse(`${day}T08:00:00+07:00`)) {
  let second = 0;
  const at = (when?: string) => when ?? new Date(startMs + second++ * 1000).toISOString();
  const base = (when?: string) => ({ id: randomUUID(), day, at: at(when) });
  return {
    issue: (number: string, o: { serviceId?: string; priority?: PriorityCategory | null; at?: string; origin?: 'server' | 'offline'; id?: string } = {}): QueueEvent => ({
      ...base(o.at),
      ...(o.id ? { id: o.id } : {}),
      kind: 'issue',
      number,
      serviceId: o.serviceId ?? 'ho-tich',
      priority: o.priority ?? null,
      procedureCode: null,
      draftId: null,
      origin: o.origin ?? 'server',
    }),
    call: (number: string, counter: number, when?: string): QueueEvent => ({ ...base(when), kind: 'call', number, counter }),
    manualCall: (number: string, counter: number, serviceId: string | null = null): QueueEvent => ({ ...base(), kind: 'manual_call', number, counter, serviceId }),
    recall: (number: string, counter: number): QueueEvent => ({ ...base(), kind: 'recall', number, counter }),
    noShow: (number: string, counter: number): QueueEvent => ({ ...base(), kind: 'no_show', number, counter }),
    start: (number: string, counter: number, when?: string): QueueEvent => ({ ...base(when), kind: 'start', number, counter }),
    finish: (number: string, counter: number, when?: string): QueueEvent => ({ ...base(when), kind: 'finish', number, counter }),
    transfer: (number: string, counter: number, to: { service?: string; counter?: number }): QueueEvent => ({
      ...base(),
      kind: 'transfer',
      number,
      counter,
      toService: to.service ?? null,
      toCounter: to.counter ?? null,
    }),
    pause: (counter: number, reason: PauseReason = 'break'): QueueEvent => ({ ...base(), kind: 'pause', counter, reason, note: null }),
    resume: (counter: number): QueueEvent => ({ ...base(), kind: 'resume', counter }),
    voidIssue: (issueId: string): QueueEvent => ({ ...base(), kind: 'void_issue', issueId }),
  };
}
