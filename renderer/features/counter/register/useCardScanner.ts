/**
 * A USB QR scanner types the căn cước payload like a very fast keyboard, into whatever field has
 * the focus, then presses Enter. We notice such a burst anywhere on the form, undo what it typed
 * into that field, and hand over the parsed card (or the reason it could not be read).
 */
import { useEffect, useRef } from 'react';
import { looksLikeCccdQr, parseCccdQr, type CccdData, type CccdQrProblem } from '../../../../shared/citizen/cccdQr.ts';

/** Keys closer together than this belong to one scanner burst; people type far slower. */
const BURST_GAP_MS = 50;

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
    const onKey = (e: KeyboardEvent) => {
      const now = performance.now();
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
      if (now - last > BURST_GAP_MS) {
        text = '';
        before = latest.current.snapshot();
      }
      text += e.key;
      last = now;
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
