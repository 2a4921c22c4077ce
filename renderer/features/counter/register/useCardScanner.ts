/**
 * A USB QR scanner types the căn cước payload like a very fast keyboard, into whatever field has
 * the focus, then presses Enter (or Tab, as some are set up). We notice it anywhere on the form,
 * undo what it typed into that field, and hand over the parsed card (or the reason it could not be
 * read). The same payload pasted (Ctrl+V, from a phone app or a message) is caught before it lands
 * in the field and handled the same way.
 *
 * No timing is involved: on a slow or busy PC the keys of one scan can arrive far apart. What
 * marks a scan is its shape, 12 digits then "|", which a person typing never produces by accident.
 * The form is snapshotted before every typed character, so the one before the scan's first
 * character can be restored.
 */
import { useEffect, useRef } from 'react';
import { parseCccdQr, type CccdData, type CccdQrProblem } from '../../../../shared/citizen/cccdQr.ts';
import { vietnamToday } from '../../../../shared/citizen/citizenFields.ts';

/** Longer than any card payload; older keys are dropped. */
const MAX_BUFFER = 600;
const CARD_START = /\d{12}\|/;

interface Handlers<S> {
  /** A snapshot of the form, taken before each typed character. */
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
    let snapshots: S[] = [];
    // Letters a keyboard cannot make (ễ, ư) may arrive as text input without a keydown first.
    let unconsumedKey: string | null = null;
    const reset = () => {
      text = '';
      snapshots = [];
    };
    const append = (char: string) => {
      snapshots.push(latest.current.snapshot());
      text += char;
      if (text.length > MAX_BUFFER) {
        text = text.slice(-MAX_BUFFER);
        snapshots = snapshots.slice(-MAX_BUFFER);
      }
    };
    const hand = (payload: string, before: S) => {
      const parsed = parseCccdQr(payload, { today: vietnamToday() });
      if (parsed.ok) latest.current.onCard(parsed.value, before);
      else latest.current.onProblem(parsed.error, before);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === 'Tab') {
        const start = text.search(CARD_START);
        if (start >= 0) {
          e.preventDefault();
          hand(text.slice(start), snapshots[start]!);
        }
        reset();
        return;
      }
      if (e.key.length !== 1) return;
      unconsumedKey = e.key;
      append(e.key);
    };
    const onBeforeInput = (e: Event) => {
      const data = (e as InputEvent).data;
      if ((e as InputEvent).inputType !== 'insertText' || !data) return;
      if (data === unconsumedKey) unconsumedKey = null;
      else if ([...data].length > 1) reset(); // pasted or auto-filled text is no scanner
      else append(data);
    };
    const onPaste = (e: ClipboardEvent) => {
      const pasted = e.clipboardData?.getData('text/plain') ?? '';
      const start = pasted.search(CARD_START);
      if (start < 0) return; // ordinary text: pasted as usual
      e.preventDefault(); // the field keeps what it had
      reset();
      hand(pasted.slice(start), latest.current.snapshot());
    };
    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('beforeinput', onBeforeInput, { capture: true });
    window.addEventListener('paste', onPaste, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      window.removeEventListener('beforeinput', onBeforeInput, { capture: true });
      window.removeEventListener('paste', onPaste, { capture: true });
    };
  }, []);
}
