import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../renderer/app/route.ts';
import { DEFAULT_IDLE_SECONDS, readIdleSeconds } from '../../renderer/features/idle/kioskSettings.ts';
import { warningSeconds } from '../../renderer/features/idle/useIdleReset.ts';
import { applyKey } from '../../renderer/features/keyboard/keyboardLayout.ts';
import { POPULAR_TILES } from '../../renderer/features/home/popularProcedures.ts';
import vi from '../../locales/vi.json';

describe('kiosk routes', () => {
  it('round-trips every screen through the URL hash', () => {
    for (const route of [
      { screen: 'search' },
      { screen: 'fields' },
      { screen: 'field', field: 'Hộ tịch' },
      { screen: 'procedure', code: '1.001193' },
    ] as const) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });
  it('sends an unknown address home', () => {
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'search' });
    expect(parseRoute('')).toEqual({ screen: 'search' });
    expect(parseRoute('#/p/')).toEqual({ screen: 'search' });
  });
});

describe('kiosk idle time', () => {
  it('takes the URL first, then the stored setting, within bounds', () => {
    expect(readIdleSeconds('?idle=30', '120')).toBe(30);
    expect(readIdleSeconds('', '120')).toBe(120);
    expect(readIdleSeconds('?idle=0', null)).toBe(DEFAULT_IDLE_SECONDS);
    expect(readIdleSeconds('?idle=abc', 'x')).toBe(DEFAULT_IDLE_SECONDS);
    expect(readIdleSeconds('?idle=99999', null)).toBe(DEFAULT_IDLE_SECONDS);
  });
  it('warns for a fifth of the idle time, between 3 and 15 seconds', () => {
    expect(warningSeconds(4)).toBe(3);
    expect(warningSeconds(60)).toBe(12);
    expect(warningSeconds(600)).toBe(15);
  });
});

describe('the on-screen keyboard', () => {
  it('types, deletes, spaces once and clears', () => {
    let v = '';
    for (const k of ['k', 'h', 'a', 'i', '{space}', '{space}', 's', 'i', 'n', 'h']) v = applyKey(v, k);
    expect(v).toBe('khai sinh');
    expect(applyKey(v, '{sac}')).toBe('khai sính');
    expect(applyKey(v, '{bksp}')).toBe('khai sin');
    expect(applyKey(v, '{clear}')).toBe('');
    expect(applyKey('', '{space}')).toBe('');
    expect(applyKey('k', '{unknown}')).toBe('k');
  });
});

describe('home tiles', () => {
  it('each has a label and a query', () => {
    for (const tile of POPULAR_TILES) {
      expect((vi.home.tiles as Record<string, string>)[tile.id]).toBeTruthy();
      expect(tile.query.length).toBeGreaterThan(3);
    }
  });
});
