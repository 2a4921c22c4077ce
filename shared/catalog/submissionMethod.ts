/**
 * Which of a procedure's submission methods speaks for a file: the one for the channel it came in
 * by, else handing it in at the counter first. One choice for the kiosk, the receipt and the due date.
 */
import type { Procedure, SubmissionMethod } from './procedure.ts';

const CHANNEL_ORDER = ['in_person', 'online', 'postal', 'other'] as const;

/** The method a person at the center cares about first: handing the file in at the counter. */
export function primaryMethod(p: Procedure): SubmissionMethod | undefined {
  for (const channel of CHANNEL_ORDER) {
    const m = p.methods.find((x) => x.channel === channel);
    if (m) return m;
  }
  return undefined;
}

/** The method for the channel a file came in by, else the one primaryMethod() leads with. */
export function methodFor(p: Procedure, channel: SubmissionMethod['channel']): SubmissionMethod | undefined {
  return p.methods.find((m) => m.channel === channel) ?? primaryMethod(p);
}
