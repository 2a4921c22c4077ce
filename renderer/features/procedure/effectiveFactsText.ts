/**
 * The effective facts of a procedure (shared/centerList/effectiveFacts.ts) in words, for the kiosk,
 * the receipt, the poster and the admin table alike. Unknown stays unknown: a national "1" without
 * a unit is shown as it is, never turned into a time.
 */
import type { TFunction } from 'i18next';
import type { CenterFee } from '../../../shared/centerList/centerList.ts';
import type { EffectiveFee, EffectivePlace, EffectiveTime } from '../../../shared/centerList/effectiveFacts.ts';

export function describeEffectiveTime(t: TFunction, time: EffectiveTime): string {
  if (time.known) return time.unit === 'same_day' ? t('centerList.time.sameDay', { cutoff: time.cutoff }) : t(`facts.time.${time.unit}`, { count: time.value });
  const national = time.national;
  if (national?.value == null) return t('facts.time.unknown');
  return t('facts.time.noUnit', { value: national.value });
}

const money = (amount: number, locale: string, currency: string) =>
  new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);

export function describeCenterFee(t: TFunction, fee: CenterFee, locale: string): string {
  if (fee.kind === 'free') return t('facts.fee.free');
  if (fee.kind === 'amount') return t('facts.fee.amount', { money: money(fee.amount, locale, 'VND') });
  return fee.text;
}

export function describeEffectiveFee(t: TFunction, fee: EffectiveFee, locale: string): string {
  if (fee.source === 'unknown') return t('facts.fee.unknown');
  if (fee.source === 'center') return describeCenterFee(t, fee.fee, locale);
  const { free, amount, currency } = fee.fee;
  if (amount != null && amount > 0) return t('facts.fee.amount', { money: money(amount, locale, currency ?? 'VND') });
  if (free === true) return t('facts.fee.free');
  if (free === false) return t('facts.fee.seeNote');
  return t('facts.fee.unknown');
}

/** "Quầy 2 – Hộ tịch, Điểm tiếp nhận số 1", or the catalog's first receiving place; null when none is known. */
export function describePlace(place: EffectivePlace): string | null {
  if (place.source === 'center') return place.counter ? `${place.counter}, ${place.location}` : place.location;
  if (place.source === 'national') return place.where[0] ?? null;
  return null;
}
