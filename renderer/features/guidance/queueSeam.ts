/**
 * The seam for "lấy số thứ tự" (take a queue number) on the checklist. The kiosk's queue serves it
 * (features/queue/kiosk/checklistTicketing.ts) and switches it on once the kiosk can give numbers;
 * until then the button is in the page but hidden. QUEUE_NOT_CONNECTED is the seam with no queue.
 */
import { err, type Result } from '../../../shared/result.ts';

export interface QueueTicketing {
  /** A ticket for the counter that handles this procedure. */
  takeNumber(procedureCode: string): Promise<Result<{ number: string }>>;
}

export interface QueueFeature {
  enabled: boolean;
  ticketing: QueueTicketing;
}

export const QUEUE_NOT_CONNECTED: QueueFeature = {
  enabled: false,
  ticketing: { takeNumber: () => Promise.resolve(err('the queue is not connected on this kiosk')) },
};
