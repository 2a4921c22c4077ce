/**
 * The kiosk's side of the queue for the whole app: its copy of today's queue once it is enrolled as
 * a kiosk, and `take(...)`, which gives a number (the server's or its own) and puts it on screen,
 * where the ticket is printed. The home screen, a procedure page and the guidance checklist all
 * take numbers through here.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { IssuedTicket } from '../../../../shared/queue/queueApi.ts';
import { err, type Result } from '../../../../shared/result.ts';
import type { DeviceIdentity, MotcuaDb } from '../../../data/db.ts';
import { loadDevice } from '../../../data/deviceRepository.ts';
import type { TokenVault } from '../../../security/dataKey.ts';
import type { TicketFailure, TicketRequest } from '../../../queue/kioskTicketing.ts';
import type { QueueReplica, QueueView } from '../../../queue/queueReplica.ts';

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
  // The queue's code (and its schemas) is loaded once this is known to be a kiosk that gives
  // numbers, not on every kiosk's start.
  const [replica, setReplica] = useState<QueueReplica | null>(null);
  useEffect(() => {
    if (!device) return;
    let made: QueueReplica | null = null;
    let gone = false;
    void import('../../../queue/queueReplica.ts').then(({ createQueueReplica }) => {
      if (gone) return;
      made = createQueueReplica(db, device);
      made.start();
      setReplica(made);
    });
    return () => {
      gone = true;
      made?.stop();
      setReplica(null);
    };
  }, [db, device]);
  const view = useSyncExternalStore(replica ? replica.subscribe : EMPTY, replica ? replica.view : NO_VIEW);

  const take = useCallback(
    async (request: TicketRequest): Promise<Result<IssuedTicket, TicketFailure>> => {
      if (!replica) return err({ kind: 'no_service', reason: 'this kiosk is not set up for numbers' });
      const { issueTicket } = await import('../../../queue/kioskTicketing.ts');
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
