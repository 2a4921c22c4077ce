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
import { takeOfflineNumber } from './queueOutbox.ts';

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
  /** How long to wait for the server while the live stream is up / down. */
  onlineTimeoutMs?: number;
  offlineTimeoutMs?: number;
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
  const live = replica.view().link === 'live';
  const priority = request.priority ?? null;
  const procedureCode = request.procedure?.code ?? null;
  const draftId = request.draftId ?? null;
  const online = await replica.client.issue(
    { id, serviceId: service.value.id, priority, procedureCode, draftId },
    live ? (options.onlineTimeoutMs ?? 4000) : (options.offlineTimeoutMs ?? 1500),
  );
  if (online.ok) return ok(online.value.ticket);
  if (online.error.kind === 'refused') return err({ kind: 'refused', code: online.error.code, reason: online.error.reason });

  // No answer (or a server failure): the kiosk's own number, and the request voided in case it got through.
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
