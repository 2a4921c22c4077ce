/**
 * The kiosk's side of the queue for the whole app: its copy of today's queue once it is enrolled as
 * a kiosk, and `take(...)`, which gives a number (the server's or its own) and puts it on screen,
 * where the ticket is printed. The home screen, a procedure page and the guidance checklist all
 * take numbers through here.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { IssuedTicket } from '../../../../shared/queue/queueApi.ts';
import { err, type Result } from '../../../../shared/result.ts';
import type { DeviceIdentity, MotcuaDb } from '../../../data/db.ts';
import { loadDevice } from '../../../data/deviceRepository.ts';
import type { TokenVault } from '../../../security/dataKey.ts';
import { issueTicket, type TicketFailure, type TicketRequest } from '../../../queue/kioskTicketing.ts';
import { createQueueReplica, type QueueReplica, type QueueView } from '../../../queue/queueReplica.ts';

export interface KioskQueue {
  /** Null until the kiosk is enrolled as a kiosk (in its settings; #/queue-setup shows where it stands). */
  replica: QueueReplica | null;
  view: QueueView | null;
  /** The kiosk can give numbers: enrolled, with the center's settings. */
  available: boolean;
  /** The number being shown and printed, if any. */
  ticket: IssuedTicket | null;
  take(request: TicketRequest): Promise<Result<IssuedTicket, TicketFailure>>;
  dismiss(): void;
  /** The kiosk's settings enrolled it. */
  enrolled(device: DeviceIdentity): void;
}

const EMPTY = () => () => undefined;
const NO_VIEW = () => null;

export function useKioskQueue(db: MotcuaDb, tokens: TokenVault): KioskQueue {
  const [device, setDevice] = useState<DeviceIdentity | null>(null);
  const [ticket, setTicket] = useState<IssuedTicket | null>(null);
  useEffect(() => {
    void loadDevice(db, tokens).then((r) => r.ok && r.value?.role === 'kiosk' && setDevice(r.value));
  }, [db, tokens]);
  const replica = useMemo(() => (device ? createQueueReplica(db, device) : null), [db, device]);
  useEffect(() => {
    if (!replica) return;
    replica.start();
    return () => replica.stop();
  }, [replica]);
  const view = useSyncExternalStore(replica ? replica.subscribe : EMPTY, replica ? replica.view : NO_VIEW);

  const take = useCallback(
    async (request: TicketRequest): Promise<Result<IssuedTicket, TicketFailure>> => {
      if (!replica) return err({ kind: 'no_service', reason: 'this kiosk is not set up for numbers' });
      const issued = await issueTicket(db, replica, request);
      if (issued.ok) setTicket(issued.value);
      return issued;
    },
    [db, replica],
  );

  return {
    replica,
    view,
    available: Boolean(view?.settings),
    ticket,
    take,
    dismiss: useCallback(() => setTicket(null), []),
    enrolled: useCallback((d: DeviceIdentity) => d.role === 'kiosk' && setDevice(d), []),
  };
}
