/**
 * A kiosk gives a number: from the center's server when it answers in time, otherwise its own
 * ("D03-A005"), counted and stored on the kiosk first and sent when the link is back. An online
 * request left without an answer is voided on the server, so a number nobody holds is never called.
 */
import { estimateWaitMinutes, peopleAhead } from '../../shared/queue/callOrder.ts';
import type { IssuedTicket } from '../../shared/queue/queueApi.ts';
import { serviceById, serviceForProcedure, type PriorityCategory, type QueueService } from '../../shared/queue/queueSettings.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { dayNumberOf, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import type { MotcuaDb } from '../data/db.ts';
import type { QueueReplica } from './queueReplica.ts';
import { takeOfflineNumber } from '../data/queueOutbox.ts';

export interface TicketRequest {
  /** The service chosen on the kiosk; else it is found from the procedure. */
  serviceId?: string;
  procedure?: { code: string; field: string | null };
  priority?: PriorityCategory | null;
  /** A pre-registration draft the clerk opens when this number is called. */
  draftId?: string | null;
}

export type TicketFailure =
  /** The kiosk has no settings yet (never reached the server) or no service fits. */
  | { kind: 'no_service'; reason: string }
  /** The server said no: `code` is a `queue.error.*` key. */
  | { kind: 'refused'; code: string; reason: string }
  /** The kiosk's own storage failed: no number was given. */
  | { kind: 'storage'; reason: string };

export interface TicketingOptions {
  now?: () => Date;
}

export function chooseService(replica: QueueReplica, request: TicketRequest): Result<QueueService, TicketFailure> {
  const settings = replica.view().settings?.settings;
  if (!settings) return err({ kind: 'no_service', reason: 'this kiosk has no queue settings yet' });
  const service = request.serviceId ? serviceById(settings, request.serviceId) : request.procedure ? serviceForProcedure(settings, request.procedure) : null;
  return service ? ok(service) : err({ kind: 'no_service', reason: 'no service of this center takes it' });
}

export async function issueTicket(db: MotcuaDb, replica: QueueReplica, request: TicketRequest, options: TicketingOptions = {}): Promise<Result<IssuedTicket, TicketFailure>> {
  const service = chooseService(replica, request);
  if (!service.ok) return service;
  const now = options.now ?? (() => new Date());
  const id = crypto.randomUUID();
  const priority = request.priority ?? null;
  const procedureCode = request.procedure?.code ?? null;
  const draftId = request.draftId ?? null;
  // How long the citizen waits for the server's number is the API client's `glance` time.
  const online = await replica.client.issue({ id, serviceId: service.value.id, priority, procedureCode, draftId });
  if (online.ok) return ok(online.value.ticket);
  if (online.error.kind === 'refused') return err({ kind: 'refused', code: online.error.code, reason: online.error.reason });

  // No answer (offline, too late, a server failure or an answer it cannot read): the kiosk's own number, and the request voided in case it got through.
  const at = now();
  const offline = await takeOfflineNumber(db, {
    kioskCode: replica.device.deviceCode,
    service: service.value,
    priority,
    procedureCode,
    draftId,
    day: isoFromDayNumber(dayNumberOf(at)),
    at: at.toISOString(),
    unansweredId: id,
  });
  if (!offline.ok) return err({ kind: 'storage', reason: offline.error.reason });
  await replica.ownEventsChanged();
  const { state, settings } = replica.view();
  const ahead = peopleAhead(state, settings!.settings, offline.value.number) ?? 0;
  return ok({
    number: offline.value.number,
    day: offline.value.day,
    serviceId: service.value.id,
    priority,
    procedureCode,
    draftId,
    issuedAt: offline.value.at,
    origin: 'offline',
    ahead,
    estimateMinutes: estimateWaitMinutes(state, settings!.settings, service.value.id, ahead),
  });
}
