/**
 * Amounts of money in words of the screen ("50.000 ₫", "₫50,000"). One Intl.NumberFormat per
 * language and currency, made once: making one costs far more than using it, and the kiosk writes
 * a fee on every result card at every key.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, language: string, currency: string): string {
  const key = `${language}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    formats.set(key, format);
  }
  return format.format(amount);
}
