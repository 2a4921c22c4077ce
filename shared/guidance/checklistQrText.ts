/**
 * The personal checklist as plain text for a QR code, so a phone reads it with no network: the
 * title, one line per item, then the portal link. Vietnamese in UTF-8 takes up to three bytes a
 * letter and a QR code holds little, so the text is kept under a byte budget (about 1,000 bytes is
 * still a code a phone reads off an 80 mm slip): long lines are shortened first, the link is never cut.
 */
export const QR_TEXT_BUDGET = 900;

export interface ChecklistText {
  title: string;
  /** The checklist's lines, in screen order. */
  lines: string[];
  /** The procedure on the national portal, or null when the catalog has no link. */
  link: string | null;
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function shorten(line: string, max: number): string {
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

function compose(title: string, lines: string[], link: string | null): string {
  return [title, ...lines.map((l) => `- ${l}`), ...(link ? [link] : [])].join('\n');
}

export function checklistQrText({ title, lines, link }: ChecklistText, budget = QR_TEXT_BUDGET): string {
  let text = compose(title, lines, link);
  for (let max = 120; utf8Bytes(text) > budget && max >= 30; max -= 10) {
    text = compose(shorten(title, max), lines.map((l) => shorten(l, max)), link);
  }
  // Still too long: the last lines go (the slip and the screen keep them all).
  const kept = lines.map((l) => shorten(l, 30));
  while (utf8Bytes(text) > budget && kept.length > 0) {
    kept.pop();
    text = compose(shorten(title, 30), kept, link);
  }
  return text;
}
