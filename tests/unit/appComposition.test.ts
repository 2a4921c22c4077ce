/**
 * Which app a page starts (kiosk, counter or waiting-room display, each its own start-up module) and the counter's screens
 * as addresses, so a reload lands where staff were.
 */
import { describe, expect, it } from 'vitest';
import { appKindFor } from '../../renderer/app/appKind.ts';
import { counterHref, parseCounterView, type CounterView } from '../../renderer/features/counter/counterRoute.ts';

describe('the app a page starts', () => {
  it('is the counter on a counter device, whatever the address', () => {
    expect(appKindFor('counter', '')).toBe('counter');
    expect(appKindFor('counter', '#/p/1.001193')).toBe('counter');
  });
  it('is the counter at a #/counter address, the kiosk anywhere else', () => {
    expect(appKindFor('kiosk', '#/counter')).toBe('counter');
    expect(appKindFor('kiosk', '#/counter/worklist')).toBe('counter');
    expect(appKindFor('kiosk', '')).toBe('kiosk');
    expect(appKindFor('kiosk', '#/p/1.001193')).toBe('kiosk');
    // Not a counter screen, only a word that starts the same.
    expect(appKindFor('kiosk', '#/counterfeit')).toBe('kiosk');
  });
  it('is the waiting-room display at a #/display address, on any device', () => {
    expect(appKindFor('kiosk', '#/display/C01')).toBe('display');
    expect(appKindFor('counter', '#/display/C01')).toBe('display');
    expect(appKindFor('kiosk', '#/display')).toBe('display');
    expect(appKindFor('kiosk', '#/displayed')).toBe('kiosk');
  });
});

describe('the counter screens as addresses', () => {
  it('round-trips every screen through the URL hash', () => {
    const views: CounterView[] = [
      { name: 'register' },
      { name: 'worklist' },
      { name: 'outbox' },
      { name: 'staff' },
      { name: 'stats' },
      { name: 'centerList' },
      { name: 'learning' },
      { name: 'prereg' },
      { name: 'queueSettings' },
      { name: 'saved', fileId: 'f1c2a3b4-0000-4000-8000-000000000001' },
      { name: 'fix', fileId: 'file id/with?odd#chars' },
    ];
    for (const view of views) expect(parseCounterView(counterHref(view))).toEqual(view);
    expect(counterHref({ name: 'worklist' })).toBe('#/counter/worklist');
    expect(counterHref({ name: 'centerList' })).toBe('#/counter/center-list');
    expect(counterHref({ name: 'queueSettings' })).toBe('#/counter/queue-settings');
  });
  it('opens the registration form for the bare address and anything it does not know', () => {
    expect(parseCounterView('#/counter')).toEqual({ name: 'register' });
    expect(parseCounterView('#/counter/nowhere')).toEqual({ name: 'register' });
    expect(parseCounterView('#/counter/saved')).toEqual({ name: 'register' });
    expect(parseCounterView('#/p/1.001193')).toEqual({ name: 'register' });
  });
});
