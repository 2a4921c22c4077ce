/**
 * The seam for "lấy số thứ tự" (take a queue number) on the checklist. The front-desk work will
 * provide the ticketing and switch it on; until then the button is in the page but hidden, and
 * the capability answers that it is not connected.
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
