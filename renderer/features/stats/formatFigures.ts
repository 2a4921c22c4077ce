/** How the statistics screen writes a rate: 92,5% in Vietnamese, 92.5% in English, a dash for none. */
export function formatRate(rate: number | null, language: string): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}%`;
}
