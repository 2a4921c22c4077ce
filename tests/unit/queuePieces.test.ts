import { describe, expect, it } from 'vitest';
import { createAnnouncer, type Chime, type ClipPlayer, type Voice } from '../../renderer/features/queue/display/announcer.ts';
import { announcementClips, clipFiles, clipManifestSchema } from '../../shared/queue/announcementWords.ts';
import { displayCenterOf } from '../../renderer/features/queue/display/displayRoute.ts';
import { formOf, settingsOf } from '../../renderer/features/queue/settings/settingsForm.ts';
import { createSseParser, type ServerSentEvent } from '../../shared/http/serverSentEvents.ts';
import { buildBoard } from '../../shared/queue/queueBoard.ts';
import { reduceQueue } from '../../shared/queue/reduceQueue.ts';
import { demoSettings, queueEvents, TEST_DAY } from '../support/queueEvents.ts';

describe('server-sent events parser', () => {
  it('reads events split anywhere across chunks, with ids, multi-line data, comments and CRLF', () => {
    const got: ServerSentEvent[] = [];
    const parser = createSseParser((e) => got.push(e));
    const text = 'retry: 2000\n\n: ping\n\nevent: queue\nid: 7\ndata: {"a":1}\n\nevent: board\r\ndata: line1\r\ndata: line2\r\n\r\ndata: plain\n\n';
    for (let i = 0; i < text.length; i += 3) parser.push(text.slice(i, i + 3));
    expect(got).toEqual([
      { event: 'queue', data: '{"a":1}', id: '7' },
      { event: 'board', data: 'line1\nline2', id: '7' },
      { event: 'message', data: 'plain', id: '7' },
    ]);
  });
});

describe('the display', () => {
  it('reads its center from the address', () => {
    expect(displayCenterOf('#/display/demo')).toBe('DEMO');
    expect(displayCenterOf('#/display')).toBe('');
    expect(displayCenterOf('#/counter')).toBeNull();
    expect(displayCenterOf('')).toBeNull();
  });

  it('says a call as clips letter by letter and digit by digit, when the center recorded them all', () => {
    expect(announcementClips('D03-A005', 12)).toEqual(['moi-so', 'd', '0', '3', 'a', '0', '0', '5', 'den-quay-so', '1', '2']);
    const clips = Object.fromEntries([...'abcdefghijklmnopqrstuvwxyz0123456789', 'moi-so', 'den-quay-so'].map((c) => [c, `${c}.mp3`]));
    const manifest = clipManifestSchema.parse({ format: 1, clips });
    expect(clipFiles(manifest, 'A023', 2)).toEqual(['moi-so.mp3', 'a.mp3', '0.mp3', '2.mp3', '3.mp3', 'den-quay-so.mp3', '2.mp3']);
    const partial = clipManifestSchema.parse({ format: 1, clips: { 'moi-so': 'moi-so.mp3' } });
    expect(clipFiles(partial, 'A023', 2)).toBeNull();
    expect(clipManifestSchema.safeParse({ format: 1, clips: { x: '../etc/passwd' } }).success).toBe(false);
  });

  it('announces one call at a time, in order: chime, then clips, else the voice, else the chime alone', async () => {
    const heard: string[] = [];
    const chime: Chime = { play: async () => (heard.push('chime'), true) };
    const voice: Voice = { say: async (text) => (heard.push(`voice:${text}`), true) };
    const player: ClipPlayer = { play: async (files) => (heard.push(`clips:${files.length}`), true) };
    const withVoice = createAnnouncer({ chime, voice, clips: null });
    const said = await Promise.all([withVoice.announce({ number: 'A001', counter: 1, recall: false }, 'một'), withVoice.announce({ number: 'A002', counter: 2, recall: false }, 'hai')]);
    expect(said).toEqual(['voice', 'voice']);
    expect(heard).toEqual(['chime', 'voice:một', 'chime', 'voice:hai']);
    heard.length = 0;
    const clips = Object.fromEntries([...'a0123456789', 'moi-so', 'den-quay-so'].map((c) => [c, `${c}.mp3`]));
    const recorded = createAnnouncer({ chime, voice, clips: { manifest: clipManifestSchema.parse({ format: 1, clips }), player } });
    expect(await recorded.announce({ number: 'A001', counter: 1, recall: false }, 'một')).toBe('clips');
    expect(heard).toEqual(['chime', 'clips:7']);
    const mute = createAnnouncer({ chime: { play: async () => false }, voice: { say: async () => false }, clips: null });
    expect(await mute.announce({ number: 'A001', counter: 1, recall: false }, 'một')).toBe('silent');
  });

  it('builds a board of numbers only, in the order they will be called', () => {
    const q = queueEvents();
    const { state } = reduceQueue(TEST_DAY, [q.issue('A001'), q.issue('A002', { priority: 'disability' }), q.issue('A003'), q.call('A001', 2), q.pause(3)]);
    const board = buildBoard(state, demoSettings(), { code: 'DEMO', name: 'Trung tâm' }, 5);
    expect(board.counters.map((c) => [c.number, c.status, c.ticket])).toEqual([
      [1, 'idle', null],
      [2, 'called', 'A001'],
      [3, 'paused', null],
      [4, 'idle', null],
    ]);
    expect(board.services.find((s) => s.id === 'ho-tich')).toMatchObject({ waiting: 2, next: ['A003', 'A002'] });
    expect(JSON.stringify(board)).not.toContain('disability');
  });
});

describe('the admin settings form', () => {
  it('round-trips the settings and lists problems with their codes and places', () => {
    const settings = demoSettings();
    const back = settingsOf(formOf(settings));
    expect(back).toEqual({ ok: true, value: settings });
    const form = formOf(settings);
    form.services[1]!.prefix = 'a';
    form.counters = form.counters.filter((c) => c.number !== '3');
    form.priorityMode = 'every';
    form.priorityEvery = '0';
    const problems = settingsOf(form);
    expect(problems.ok).toBe(false);
    expect(!problems.ok && problems.error.map((p) => `${p.path} ${p.code}`)).toEqual(
      expect.arrayContaining(['services.1.prefix queue.settings.error.duplicatePrefix', 'priority.every queue.settings.error.invalid']),
    );
  });
});
