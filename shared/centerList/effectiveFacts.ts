/**
 * The facts that hold for a procedure at this center: the center's own value where its list sets
 * one, else the national catalog's, else unknown, each with where it came from. The kiosk detail,
 * the receipt, the poster and the due date at registration all ask here, so they never disagree.
 */
import type { Channel, Procedure, SubmissionMethod, TimeUnit } from '../catalog/procedure.ts';
import { methodFor } from '../catalog/submissionMethod.ts';
import type { CenterEntryValues, CenterFee } from './centerList.ts';

/** `center`: the center's list (danh mục niêm yết); `national`: the national catalog. */
export type FactSource = 'center' | 'national';

/**
 * A processing time the due date can be counted from, or unknown. Unknown carries what the
 * national catalog said (often "1" with no unit), so a screen can show it as it is, never guessed;
 * the registration form asks staff for the date whenever the time is unknown.
 */
export type EffectiveTime =
  | { known: true; source: FactSource; unit: TimeUnit; value: number }
  | { known: true; source: 'center'; unit: 'same_day'; value: 0; cutoff: string }
  | { known: false; national: { value: number | null; unit: TimeUnit | null } | null };

export type EffectiveFee =
  | { source: 'center'; fee: CenterFee }
  /** The catalog's fee for the channel (its `free`/`amount` may still be unreadable: see `text`). */
  | { source: 'national'; fee: SubmissionMethod['fee'] }
  | { source: 'unknown' };

export type EffectivePlace =
  | { source: 'center'; location: string; counter: string | null }
  /** The receiving address and agencies as the catalog names them. */
  | { source: 'national'; where: string[] }
  | { source: 'unknown' };

export interface EffectiveFacts {
  time: EffectiveTime;
  fee: EffectiveFee;
  place: EffectivePlace;
  /** The center's short note, if it wrote one. */
  note: string | null;
}

/**
 * The processing time for a file of `procedure` handed in by `channel` (default: at the counter).
 * The center's time applies to every channel: it is what the center commits to.
 */
export function effectiveProcessingTime(
  procedure: Procedure | undefined,
  entry: CenterEntryValues | undefined,
  channel: Channel = 'in_person',
): EffectiveTime {
  const time = entry?.time;
  if (time) {
    return time.unit === 'same_day'
      ? { known: true, source: 'center', unit: 'same_day', value: 0, cutoff: time.cutoff }
      : { known: true, source: 'center', unit: time.unit, value: time.value };
  }
  const method = procedure ? methodFor(procedure, channel) : undefined;
  if (!method) return { known: false, national: null };
  const { value, unit } = method.time;
  if (value === null || unit === null || !Number.isFinite(value) || value < 0) return { known: false, national: { value, unit } };
  return { known: true, source: 'national', unit, value };
}

export function effectiveFee(procedure: Procedure | undefined, entry: CenterEntryValues | undefined, channel: Channel = 'in_person'): EffectiveFee {
  if (entry?.fee) return { source: 'center', fee: entry.fee };
  const method = procedure ? methodFor(procedure, channel) : undefined;
  return method ? { source: 'national', fee: method.fee } : { source: 'unknown' };
}

/** Where to hand the file in: the receiving address first, then the agencies, as the portal names them. */
export function nationalWhere(p: Procedure): string[] {
  const a = p.agencies;
  return [...new Set([a.receivingAddress, a.executing, a.competent].filter((x): x is string => Boolean(x)))];
}

export function effectivePlace(procedure: Procedure | undefined, entry: CenterEntryValues | undefined): EffectivePlace {
  if (entry?.place) return { source: 'center', location: entry.place.location, counter: entry.place.counter };
  const where = procedure ? nationalWhere(procedure) : [];
  return where.length > 0 ? { source: 'national', where } : { source: 'unknown' };
}

export function effectiveFacts(procedure: Procedure | undefined, entry: CenterEntryValues | undefined, channel: Channel = 'in_person'): EffectiveFacts {
  return {
    time: effectiveProcessingTime(procedure, entry, channel),
    fee: effectiveFee(procedure, entry, channel),
    place: effectivePlace(procedure, entry),
    note: entry?.note ?? null,
  };
}
