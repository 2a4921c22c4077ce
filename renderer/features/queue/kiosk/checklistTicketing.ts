/**
 * The guidance checklist's "take a number" seam (a `{ enabled, ticketing: { takeNumber(code) } }`
 * capability the guidance screens keep hidden until connected), served by this kiosk's queue: the
 * number is given for the desk that handles the procedure, shown and printed like any other.
 */
import { err, ok, type Result } from '../../../../shared/result.ts';
import type { KioskQueue } from './useKioskQueue.ts';

export interface ChecklistTicketing {
  enabled: boolean;
  ticketing: { takeNumber(procedureCode: string): Promise<Result<{ number: string }>> };
}

export function checklistTicketing(queue: KioskQueue, fieldOf: (procedureCode: string) => string | null): ChecklistTicketing {
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
