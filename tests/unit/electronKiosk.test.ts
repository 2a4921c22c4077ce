import { describe, expect, it } from 'vitest';
import { createCornerTapDetector } from '../../renderer/platform/adminGesture.ts';
import {
  BLOCKED_SHORTCUTS,
  createRestartBudget,
  decideMainCrash,
  decideRendererFailure,
  isBlockedShortcut,
  RENDERER_RESTARTS,
  windowOptionsFor,
  type KeyInput,
} from '../../electron/main/kioskPolicy.ts';
import { decideUpdate, isInRollout, rolloutBucket, updateFeedUrl } from '../../electron/main/updatePolicy.ts';
import { electronBinaryPath, FUSE_SETTINGS } from '../../electron/packaging/fuses.ts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, alt: false, shift: false, meta: false, ...mods });

describe('kiosk profile', () => {
  it('is full screen without a menu; the counter is a normal window', () => {
    expect(windowOptionsFor('kiosk')).toMatchObject({ kiosk: true, fullscreen: true, showMenu: false, keepDisplayAwake: true, closable: false });
    expect(windowOptionsFor('counter')).toMatchObject({ kiosk: false, fullscreen: false, showMenu: true, keepDisplayAwake: false, closable: true });
  });
});

describe('kiosk shortcut filter', () => {
  it('blocks shortcuts that close, reload, or open the developer tools', () => {
    // Each listed shortcut, as Electron's before-input-event reports it (Shift+letter is upper case).
    const fromList = (shortcut: string): KeyInput => {
      const parts = shortcut.split('+');
      const name = parts.pop()!;
      const mods = { control: parts.includes('Ctrl'), alt: parts.includes('Alt'), shift: parts.includes('Shift') };
      const k = name === 'Plus' ? '+' : name.length === 1 ? (mods.shift ? name.toUpperCase() : name.toLowerCase()) : name;
      return key(k, mods);
    };
    expect(BLOCKED_SHORTCUTS.length).toBeGreaterThanOrEqual(20);
    for (const shortcut of BLOCKED_SHORTCUTS) expect(isBlockedShortcut(fromList(shortcut)), shortcut).toBe(true);
  });
  it('lets typing, Vietnamese input and editing keys through', () => {
    for (const input of [key('a'), key('ă'), key('Ư', { shift: true }), key('Backspace'), key('Enter'), key('Escape'), key('F4'), key('c', { control: true }), key('v', { control: true }), key('a', { control: true })]) {
      expect(isBlockedShortcut(input), JSON.stringify(input)).toBe(false);
    }
    expect(isBlockedShortcut({ ...key('F12'), type: 'keyUp' })).toBe(false);
  });
});

describe('crash and hang policy', () => {
  it('reloads a crashed renderer at most 3 times in 5 minutes, then shows the error page', () => {
    const budget = createRestartBudget(RENDERER_RESTARTS);
    const crash = { kind: 'gone', reason: 'crashed' } as const;
    expect([0, 1_000, 2_000].map((t) => decideRendererFailure(crash, budget, t))).toEqual(['reload', 'reload', 'reload']);
    expect(decideRendererFailure(crash, budget, 3_000)).toBe('error-page');
    expect(decideRendererFailure(crash, budget, 6 * 60_000)).toBe('reload');
  });
  it('kills a hung renderer (counted when it is gone) and ignores a clean exit', () => {
    const budget = createRestartBudget(RENDERER_RESTARTS);
    expect(decideRendererFailure({ kind: 'unresponsive' }, budget, 0)).toBe('kill');
    expect(decideRendererFailure({ kind: 'gone', reason: 'clean-exit' }, budget, 0)).toBe('ignore');
    expect(budget.recent()).toBe(0);
  });
  it('relaunches a crashed main process a bounded number of times', () => {
    let history: number[] = [];
    const outcomes = [0, 1, 2, 3].map((i) => {
      const decision = decideMainCrash(history, i * 1_000);
      history = decision.history;
      return decision.relaunch;
    });
    expect(outcomes).toEqual([true, true, true, false]);
    expect(decideMainCrash(history, 30 * 60_000)).toEqual({ relaunch: true, history: [30 * 60_000] });
    expect(decideMainCrash([Number.NaN], 0).relaunch).toBe(true);
  });
});

describe('admin gesture detector', () => {
  it('fires on 5 taps in the top-left corner within 3 seconds', () => {
    const detector = createCornerTapDetector();
    expect([0, 400, 800, 1_200].map((t) => detector.tap(10, 10, t))).toEqual([false, false, false, false]);
    expect(detector.tap(20, 5, 1_600)).toBe(true);
    expect(detector.tap(20, 5, 1_700)).toBe(false);
  });
  it('ignores slow taps and taps elsewhere', () => {
    const slow = createCornerTapDetector();
    expect([0, 1_000, 2_000, 3_000, 4_000].some((t) => slow.tap(10, 10, t))).toBe(false);
    const elsewhere = createCornerTapDetector();
    for (const t of [0, 100, 200, 300]) elsewhere.tap(10, 10, t);
    expect(elsewhere.tap(500, 500, 400)).toBe(false);
    expect(elsewhere.tap(10, 10, 500)).toBe(false);
  });
});

describe('update staging', () => {
  it('puts a device in a stable bucket', () => {
    expect(rolloutBucket('device-1')).toBe(rolloutBucket('device-1'));
    expect(rolloutBucket('device-1')).toBeGreaterThanOrEqual(0);
    expect(rolloutBucket('device-1')).toBeLessThan(100);
  });
  it('takes part according to the release percentage', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `device-${i}`);
    const share = ids.filter((id) => isInRollout(id, 20)).length / ids.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.25);
    expect(isInRollout('x', 0)).toBe(false);
    expect(isInRollout('x', 100)).toBe(true);
    expect(isInRollout('x', undefined)).toBe(true);
  });
  it('downloads in the background and installs only when idle', () => {
    expect(decideUpdate({ phase: 'available', inRollout: true, idle: false })).toBe('download');
    expect(decideUpdate({ phase: 'downloaded', inRollout: true, idle: false })).toBe('wait');
    expect(decideUpdate({ phase: 'downloaded', inRollout: true, idle: true })).toBe('install');
    expect(decideUpdate({ phase: 'available', inRollout: false, idle: true })).toBe('wait');
  });
  it('uses the sync server’s /updates/ unless a feed is configured', () => {
    expect(updateFeedUrl('http://10.0.0.5:8787', null)).toBe('http://10.0.0.5:8787/updates/');
    expect(updateFeedUrl('http://10.0.0.5:8787', 'https://u.example/motcua')).toBe('https://u.example/motcua/');
  });
});

describe('packaging fuses', () => {
  it('turns off Node entry points and requires the integrity-checked asar', () => {
    expect(FUSE_SETTINGS).toEqual({
      RunAsNode: false,
      EnableNodeCliInspectArguments: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
    });
  });
  it('finds the packed binary per platform', () => {
    expect(electronBinaryPath('linux', '/out/linux-unpacked', 'motcua', 'motcua')).toBe('/out/linux-unpacked/motcua');
    expect(electronBinaryPath('win32', '/out/win-unpacked', 'motcua', 'motcua')).toBe('/out/win-unpacked/motcua.exe');
  });
});
