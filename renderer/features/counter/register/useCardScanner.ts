/**
 * A USB QR scanner types the căn cước payload like a very fast keyboard, into whatever field has
 * the focus, then presses Enter. We notice such a burst anywhere on the form, undo what it typed
 * into that field, and hand over the parsed card (or the reason it could not be read).
 */
import { useEffect, useRef } from 'react';
import { looksLikeCccdQr, parseCccdQr, type CccdData, type CccdQrProblem } from '../../../../shared/citizen/cccdQr.ts';

/**
 * Keys closer together than this belong to one scanner burst. People rarely type faster; and a
 * fast typist mistaken for a scanner does no harm, since only a card-shaped text is acted on.
 */
const BURST_GAP_MS = 80;

interface Handlers<S> {
  /** A snapshot of the form taken when the burst starts, restored before the card is applied. */
  snapshot(): S;
  onCard(card: CccdData, before: S): void;
  onProblem(problem: CccdQrProblem, before: S): void;
}

export function useCardScanner<S>(handlers: Handlers<S>) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let text = '';
    let last = 0;
    let before: S | null = null;
    // Letters a keyboard cannot make (ễ, ư) may arrive as text input without a keydown first.
    let unconsumedKey: string | null = null;
    // The event's own time stamp, not the time we get to handle it: a slow render must not split a burst.
    const append = (chars: string, now: number) => {
      if (now - last > BURST_GAP_MS) {
        text = '';
        before = latest.current.snapshot();
      }
      text += chars;
      last = now;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter') {
        if (before !== null && looksLikeCccdQr(text)) {
          e.preventDefault();
          const parsed = parseCccdQr(text);
          if (parsed.ok) latest.current.onCard(parsed.value, before);
          else latest.current.onProblem(parsed.error, before);
        }
        text = '';
        before = null;
        return;
      }
      if (e.key.length !== 1) return;
      unconsumedKey = e.key;
      append(e.key, e.timeStamp);
    };
    const onBeforeInput = (e: Event) => {
      const data = (e as InputEvent).data;
      if ((e as InputEvent).inputType !== 'insertText' || !data) return;
      if (data === unconsumedKey) unconsumedKey = null;
      else if ([...data].length > 1) {
        // Pasted or auto-filled text is no scanner: it must not start or join a burst.
        text = '';
        before = null;
        last = 0;
      } else append(data, e.timeStamp);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('beforeinput', onBeforeInput, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      window.removeEventListener('beforeinput', onBeforeInput, { capture: true });
    };
  }, []);
}
