/**
 * axe-core on a kiosk screen with the WCAG 2.0/2.1/2.2 A and AA rules, and motcua's own touch rule:
 * every visible button at least 48 px both ways. Both return what is wrong as readable lines, so a
 * failing test names the rule and the element.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** `within` limits the check to part of the page (a short-lived overlay checks faster that way). */
export async function accessibilityViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  const results = await (within ? builder.include(within) : builder).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.length} element(s): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

export const MIN_TOUCH_TARGET = 48;

/** Visible buttons and links smaller than 48 px, described by their text. */
export async function smallTouchTargets(page: Page, within = 'main, header, .keyboard, [role="alertdialog"]'): Promise<string[]> {
  return page.evaluate(
    ({ within, min }) =>
      [...document.querySelectorAll<HTMLElement>(`:is(${within}) :is(button, a[href], [role="button"], .hg-button)`)]
        .filter((el) => el.offsetParent !== null && !el.closest('[aria-hidden="true"]'))
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < min || box.height < min))
        .map(({ el, box }) => `${(el.textContent ?? '').trim().slice(0, 40) || el.className} ${Math.round(box.width)}x${Math.round(box.height)}`),
    { within, min: MIN_TOUCH_TARGET },
  );
}
