/**
 * Amounts of money in words of the screen ("50.000 ₫", "₫50,000"). Đồng, nearly every fee, are
 * written here digit by digit as Intl writes them: the first Intl.NumberFormat a page makes loads
 * the locale's data (tens of milliseconds on an old PC, paid by the kiosk's first key). Other
 * currencies go through one Intl.NumberFormat per language and currency, made once.
 */
const formats = new Map<string, Intl.NumberFormat>();
const NBSP = '\u00a0';

/** Whole units grouped by three, as vi-VN ("1.250.000") and en-US ("1,250,000") write them. */
function grouped(units: number, separator: string): string {
  const digits = String(units);
  let out = '';
  for (let i = 0; i < digits.length; i += 1) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

export function formatMoney(amount: number, language: string, currency: string): string {
  if (currency === 'VND' && Number.isFinite(amount) && Math.abs(amount) < Number.MAX_SAFE_INTEGER) {
    // As Intl: halves rounded away from zero, and a minus kept on what rounds to zero.
    const units = Math.round(Math.abs(amount));
    const sign = amount < 0 || Object.is(amount, -0) ? '-' : '';
    return language === 'vi' ? `${sign}${grouped(units, '.')}${NBSP}₫` : `${sign}₫${grouped(units, ',')}`;
  }
  const key = `${language}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    formats.set(key, format);
  }
  return format.format(amount);
}
