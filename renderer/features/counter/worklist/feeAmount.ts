/** Amounts of money as staff type them at the counter. */

/** "8.000", "8 000" or "8000" đồng as a whole number, or null. */
export function parseAmount(text: string): number | null {
  const digits = text.replace(/[\s.,]/g, '');
  if (!/^\d{1,10}$/.test(digits)) return null;
  const amount = Number(digits);
  return amount > 0 && amount <= 1_000_000_000 ? amount : null;
}
