/**
 * Idle work after the kiosk's start (renderer/app/idleWork.ts): one job at a time, in order, each
 * finished before the next begins, a failing one not stopping the rest, a withdrawn one never run.
 */
import { describe, expect, it, vi } from 'vitest';
import { afterNextFrame, noteInput, openIdleWork, SETTLE_MS, whenIdle } from '../../renderer/app/idleWork.ts';

describe('idle work', () => {
  it('waits for the first screen before running anything', async () => {
    const log: string[] = [];
    whenIdle(() => log.push('asked before the first screen'));
    await new Promise((r) => setTimeout(r, 200));
    expect(log).toEqual([]);
    openIdleWork();
    await vi.waitFor(() => expect(log).toEqual(['asked before the first screen']));
  });

  it('runs jobs one after another, each finished before the next starts', async () => {
    const log: string[] = [];
    let finishFirst!: () => void;
    whenIdle(() => {
      log.push('first started');
      return new Promise<void>((resolve) => {
        finishFirst = () => {
          log.push('first finished');
          resolve();
        };
      });
    });
    whenIdle(() => log.push('second'));
    await vi.waitFor(() => expect(log).toEqual(['first started']));
    // The second waits for the first, however long it takes.
    await new Promise((r) => setTimeout(r, 200));
    expect(log).toEqual(['first started']);
    finishFirst();
    await vi.waitFor(() => expect(log).toEqual(['first started', 'first finished', 'second']));
  });

  it('goes on after a job that fails, and never runs a job taken back', async () => {
    const log: string[] = [];
    whenIdle(() => {
      throw new Error('no network');
    });
    const takeBack = whenIdle(() => log.push('taken back'));
    whenIdle(() => Promise.reject(new Error('refused')));
    whenIdle(() => log.push('last'));
    takeBack();
    await vi.waitFor(() => expect(log).toEqual(['last']));
    await new Promise((r) => setTimeout(r, 150));
    expect(log).toEqual(['last']);
  });
});

describe('idle work in order of need', () => {
  it('runs a job needed soon before code fetched ahead of need, whenever it was asked', async () => {
    const log: string[] = [];
    whenIdle(() => log.push('screen A'), 'later');
    whenIdle(() => log.push('screen B'), 'later');
    whenIdle(() => log.push('warm the search'));
    whenIdle(() => log.push('background sync'), 'soon');
    await vi.waitFor(() => expect(log).toHaveLength(4));
    expect(log).toEqual(['warm the search', 'background sync', 'screen A', 'screen B']);
  });
});

describe('idle work and a person at the screen', () => {
  it('starts nothing while the screen is being touched or typed on, and goes on once it is left alone', async () => {
    openIdleWork();
    const log: string[] = [];
    noteInput();
    whenIdle(() => log.push('ran'));
    // Keys keep coming: nothing runs between them.
    for (let i = 0; i < 3; i += 1) {
      await new Promise((r) => setTimeout(r, SETTLE_MS / 2));
      noteInput();
      expect(log).toEqual([]);
    }
    await vi.waitFor(() => expect(log).toEqual(['ran']), { timeout: SETTLE_MS * 4 });
  });
});

describe('work for the next touch, after the next frame', () => {
  // The browser's frames at their boundary: a frame is a callback list the test flushes.
  function frames() {
    const waiting: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => waiting.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => waiting.splice(id - 1, 1, () => {}));
    return { paint: () => waiting.splice(0).forEach((cb) => cb(0)) };
  }

  it('runs only once a frame has gone by, without waiting for a quiet moment', async () => {
    const { paint } = frames();
    // A person touching the screen holds idle work back, not this.
    noteInput();
    const log: string[] = [];
    afterNextFrame(() => log.push('warmed'));
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual([]);
    paint();
    await vi.waitFor(() => expect(log).toEqual(['warmed']), { timeout: 200 });
    vi.unstubAllGlobals();
  });

  it('never runs once taken back, before or after the frame', async () => {
    const { paint } = frames();
    const log: string[] = [];
    afterNextFrame(() => log.push('before the frame'))();
    const takeBack = afterNextFrame(() => log.push('after the frame'));
    paint();
    takeBack();
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual([]);
    vi.unstubAllGlobals();
  });
});
