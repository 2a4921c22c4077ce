/**
 * A USB QR scanner acts as a very fast keyboard: it types the receipt's QR (the file number and its
 * lookup code, space-separated), then Enter.
 * Anywhere on the lookup screen (no field needs the focus) a burst of at least MIN_BURST keys ending in
 * Enter is handed over; slow typing is left to the on-screen keyboard.
 */
import { useEffect, useRef } from 'react';

/** Keys closer together than this belong to one scanner burst (the counter's card scanner uses the same). */
const BURST_GAP_MS = 80;
/** Shorter bursts are a person pressing keys, whatever their speed. */
const MIN_BURST = 12;

export function useReceiptScanner(onNumber: (number: string) => void): void {
  const latest = useRef(onNumber);
  useEffect(() => {
    latest.current = onNumber;
  });

  useEffect(() => {
    let text = '';
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter') {
        const candidate = text;
        text = '';
        if (candidate.length >= MIN_BURST && e.timeStamp - last <= BURST_GAP_MS * 4) {
          e.preventDefault();
          // Handed over as read (the screen splits number and code); a QR that is not a receipt's still
          // goes through, so the screen can say why it is wrong.
          latest.current(candidate.trim());
        }
        return;
      }
      if (e.key.length !== 1) return;
      if (e.timeStamp - last > BURST_GAP_MS) text = '';
      text += e.key;
      last = e.timeStamp;
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
