/**
 * The waiting-room screen's live board: follows the center's public board stream (no token: it is
 * numbers only), keeps the last board and hands each call to `onCall` once, in order, resuming after
 * a drop from the last event it saw so a call made meanwhile is still announced.
 */
import { API_PATHS } from '../../../../shared/sync/apiPaths.ts';
import { useEffect, useRef, useState } from 'react';
import { STREAM_EVENTS } from '../../../../shared/queue/queueApi.ts';
import { callAnnouncementSchema, queueBoardSchema, type CallAnnouncement, type QueueBoard } from '../../../../shared/queue/queueBoard.ts';
import { followEventStream, type StreamState } from '../../../sync/followEventStream.ts';

export interface BoardState {
  board: QueueBoard | null;
  link: StreamState;
  /** The center has no queue (unknown code or no settings). */
  missing: boolean;
}

export function useBoard(serverUrl: string, center: string, onCall: (call: CallAnnouncement) => void): BoardState {
  const [state, setState] = useState<BoardState>({ board: null, link: 'connecting', missing: false });
  const callRef = useRef(onCall);
  useEffect(() => {
    callRef.current = onCall;
  }, [onCall]);

  useEffect(() => {
    let seen = 0;
    let announced = 0;
    const follower = followEventStream({
      serverUrl,
      path: API_PATHS.public.queueBoardStream.at(center),
      query: () => ({ since: seen }),
      onEvent: (e) => {
        let data: unknown;
        try {
          data = JSON.parse(e.data);
        } catch {
          return;
        }
        if (e.event === STREAM_EVENTS.board) {
          const board = queueBoardSchema.safeParse(data);
          if (!board.success) return;
          seen = Math.max(seen, board.data.cursor);
          setState((s) => ({ ...s, board: board.data, missing: false }));
        } else if (e.event === STREAM_EVENTS.call) {
          const call = callAnnouncementSchema.safeParse(data);
          if (!call.success || call.data.cursor <= announced) return;
          announced = call.data.cursor;
          seen = Math.max(seen, call.data.cursor);
          callRef.current(call.data);
        }
      },
      // A screen on the center's LAN comes back quickly after a server restart, so calls are not announced late.
      retryMs: { first: 500, max: 3000 },
      onState: (link) => setState((s) => ({ ...s, link })),
      onRefused: (refused) => {
        setState((s) => ({ ...s, missing: refused.status === 404, link: 'offline' }));
        return 'retry';
      },
    });
    return () => follower.stop();
  }, [serverUrl, center]);
  return state;
}
