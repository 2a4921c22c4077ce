/**
 * The guidance checklist's "take a number" seam (features/guidance/queueSeam.ts: hidden until
 * connected), served by this kiosk's queue: the number is given for the desk that handles the
 * procedure, shown and printed like any other.
 */
import { err, ok } from '../../../../shared/result.ts';
import type { QueueFeature } from '../../guidance/queueSeam.ts';
import type { KioskQueue } from './useKioskQueue.ts';

export function checklistTicketing(queue: KioskQueue, fieldOf: (procedureCode: string) => string | null): QueueFeature {
  return {
    enabled: queue.available,
    ticketing: {
      async takeNumber(procedureCode) {
        const issued = await queue.take({ procedure: { code: procedureCode, field: fieldOf(procedureCode) } });
        return issued.ok ? ok({ number: issued.value.number }) : err(issued.error.reason);
      },
    },
  };
}
