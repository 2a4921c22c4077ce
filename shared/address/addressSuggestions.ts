/**
 * What the counter's address field offers as the clerk types: the new communes the text names, and
 * the old units it names with the commune each went to. A split old unit is one group listing every
 * commune it went to (the village decides which; the clerk picks). Pure: the field renders these,
 * the tests check them without a browser.
 */
import type { AddressHit, AddressMatcher } from './addressMatcher.ts';
import type { AddressUnit } from './addressUnit.ts';

/** One pickable answer: a new commune, reached directly or from an old unit. */
export interface AddressOption {
  /** Stable and unique in a list (DOM ids, React keys). */
  id: string;
  unit: AddressUnit;
  /** The old unit the text named, or null when it named the new commune itself. */
  old: AddressHit['old'];
}

/** Answers from one source: a single new commune, an old unit kept whole, or every commune a split unit went to. */
export interface AddressOptionGroup {
  id: string;
  old: AddressHit['old'];
  options: AddressOption[];
}

/** Enough to choose from on a 768-pixel-high screen; the clerk types more to narrow it. */
export const SUGGESTION_LIMIT = 8;
/** Fewer letters than this name too many units to be worth listing. */
export const MIN_QUERY_LETTERS = 2;

export function unitOfHit(hit: AddressHit): AddressUnit {
  return { code: hit.code, name: hit.name, provinceCode: hit.provinceCode, province: hit.province };
}

/**
 * The groups for `text`, best first. Every commune of a split unit is kept even past the limit (a
 * split shown in part would hide the right answer); the limit counts groups.
 */
export function addressSuggestions(matcher: AddressMatcher, text: string, limit = SUGGESTION_LIMIT): AddressOptionGroup[] {
  if (text.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_QUERY_LETTERS) return [];
  // Ask for more hits than groups: a split unit spends several hits on one group.
  const hits = matcher.match(text, { limit: limit * 4 });
  const groups: AddressOptionGroup[] = [];
  const byOld = new Map<string, AddressOptionGroup>();
  for (const hit of hits) {
    const option: AddressOption = { id: `${hit.old?.code ?? 'new'}-${hit.code}`, unit: unitOfHit(hit), old: hit.old };
    const sameOld = hit.old ? byOld.get(hit.old.code) : undefined;
    if (sameOld) {
      sameOld.options.push(option);
      continue;
    }
    if (groups.length >= limit) continue;
    const group: AddressOptionGroup = { id: option.id, old: hit.old, options: [option] };
    groups.push(group);
    if (hit.old) byOld.set(hit.old.code, group);
  }
  return groups;
}

/** The options in screen order, for moving through them with the arrow keys. */
export function flatOptions(groups: readonly AddressOptionGroup[]): AddressOption[] {
  return groups.flatMap((g) => g.options);
}
