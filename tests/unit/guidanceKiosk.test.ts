/**
 * The kiosk side of the guidance, in pure parts: the checklist's words (at most 12 lines) and its
 * QR text (under the byte budget, read back by a QR decoder) for every outcome of every shipped
 * flow against the real commune catalog; reading aloud over a stand-in for speechSynthesis; the
 * display modes; the flow addresses.
 */
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import vi from '../../locales/vi.json';
import en from '../../locales/en.json';
import { COMMUNE_CATALOG, FULL_CATALOG_DIR, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { checklistQrText, QR_TEXT_BUDGET, utf8Bytes } from '../../shared/guidance/checklistQrText.ts';
import { shippedFlows } from '../../shared/guidance/flowLibrary.ts';
import { resolveOutcome } from '../../shared/guidance/resolveOutcome.ts';
import { parseRoute, routeHref, type Route } from '../../renderer/app/route.ts';
import { applyDisplayModes, USUAL_DISPLAY } from '../../renderer/features/accessibility/displayModes.ts';
import { checklistWords, MAX_CHECKLIST_LINES, plainLines } from '../../renderer/features/guidance/checklistLines.ts';
import { createBrowserSpeech, pickVoice, type SpeechSynthesisLike } from '../../renderer/platform/speech.ts';

/** Draws a QR code's modules as pixels and decodes them with jsQR, as a phone camera would. */
function decodeQr(text: string): string | null {
  const qr = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], { errorCorrectionLevel: 'L' });
  const n = qr.modules.size;
  const scale = 4;
  const quiet = 4;
  const w = (n + 2 * quiet) * scale;
  const px = new Uint8ClampedArray(w * w * 4).fill(255);
  for (let y = 0; y < n; y += 1)
    for (let x = 0; x < n; x += 1)
      if (qr.modules.get(y, x))
        for (let dy = 0; dy < scale; dy += 1)
          for (let dx = 0; dx < scale; dx += 1) {
            const i = (((y + quiet) * scale + dy) * w + (x + quiet) * scale + dx) * 4;
            px[i] = px[i + 1] = px[i + 2] = 0;
          }
  return jsQR(px, w, w)?.data ?? null;
}

describe('the personal checklist for every outcome of every shipped flow', () => {
  let lookup: (code: string) => Procedure | undefined;
  const ts: Record<'vi' | 'en', TFunction> = {} as never;
  beforeAll(async () => {
    const maps: Map<string, Procedure>[] = [];
    for (const path of [COMMUNE_CATALOG, FULL_CATALOG_DIR]) {
      const read = await readCatalogSource(join(sharedDataDir(), path));
      if (!read.ok) throw new Error(read.error);
      maps.push(new Map(read.value.procedures.map((p) => [p.code, p])));
    }
    lookup = (code) => maps[0]!.get(code) ?? maps[1]!.get(code);
    for (const lng of ['vi', 'en'] as const) {
      const instance = i18next.createInstance();
      await instance.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
      ts[lng] = instance.t;
    }
  });

  it('fits 12 lines, lists the form first, and its QR text stays under the budget and reads back', () => {
    let outcomes = 0;
    for (const flow of shippedFlows().flows) {
      for (const outcome of flow.outcomes) {
        const resolved = resolveOutcome(flow, outcome, lookup);
        if (resolved.kind !== 'checklist') throw new Error(`${flow.id}/${outcome.id}: ${outcome.code} not found`);
        for (const lng of ['vi', 'en'] as const) {
          const words = checklistWords(ts[lng], lng, resolved);
          expect(words.lines.length).toBeLessThanOrEqual(MAX_CHECKLIST_LINES);
          expect(words.lines.filter((l) => l.kind === 'document').length).toBe(outcome.documents.length);
          expect(words.lines.map((l) => l.kind).slice(-4)).toEqual(['fee', 'time', 'place', 'next']);
          const forms = resolved.documents.map((d) => d.form);
          expect(forms).toEqual([...forms].sort((a, b) => Number(b) - Number(a)));
          const text = checklistQrText({ title: `${words.title} (${words.code})`, lines: plainLines(words), link: resolved.procedure.portalUrl });
          expect(utf8Bytes(text)).toBeLessThanOrEqual(QR_TEXT_BUDGET);
          expect(text.split('\n').at(-1)).toBe(resolved.procedure.portalUrl);
          expect(decodeQr(text)).toBe(text);
        }
        outcomes += 1;
      }
    }
    expect(outcomes).toBeGreaterThanOrEqual(25);
  });

  it('says in words what is brought to show and what is handed in', () => {
    const flow = shippedFlows().flows.find((f) => f.id === 'khai-tu')!;
    const resolved = resolveOutcome(flow, flow.outcomes.find((o) => o.id === 'plain')!, lookup);
    if (resolved.kind !== 'checklist') throw new Error('no checklist');
    const lines = checklistWords(ts.vi, 'vi', resolved).lines;
    expect(lines.map((l) => [l.text, l.detail])).toEqual([
      ['Tờ khai đăng ký khai tử', '1 bản chính · mẫu có tại quầy tiếp nhận'],
      ['Giấy báo tử (hoặc giấy tờ thay thế)', '1 bản chính'],
      ['Căn cước của người đi khai tử', 'mang bản chính để xuất trình'],
      ['Lệ phí: Miễn phí', null],
      ['Thời hạn giải quyết: 1 (chưa rõ đơn vị)', null],
      ['Nộp tại: Bộ phận một cửa – Trung tâm Phục vụ hành chính công cấp xã', null],
      [expect.stringContaining('15 ngày'), null],
    ]);
    // The portal's "Mẫu số 18" + "1 bản" read as 181 originals: the slip says to ask, not a wrong number.
    const land = shippedFlows().flows.find((f) => f.id === 'dat-dai')!;
    const wrong = resolveOutcome(land, land.outcomes.find((o) => o.id === 'wrong-first')!, lookup);
    if (wrong.kind !== 'checklist') throw new Error('no checklist');
    expect(wrong.documents[0]).toMatchObject({ form: true, originals: 181 });
    expect(checklistWords(ts.vi, 'vi', wrong).lines[0]?.detail).toBe('số bản: hỏi cán bộ · mẫu có tại quầy tiếp nhận');
    // A center's own values win over the national catalog's.
    const center = checklistWords(ts.vi, 'vi', resolved, { fee: '0 đồng', place: 'Quầy số 2' }).lines;
    expect(center.find((l) => l.kind === 'fee')?.text).toBe('Lệ phí: 0 đồng');
    expect(center.find((l) => l.kind === 'place')?.text).toBe('Nộp tại: Quầy số 2');
  });
});

describe('the QR text', () => {
  it('shortens long lines, then drops the last ones, and never cuts the link', () => {
    const link = 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-9c6c958f2da4';
    const lines = Array.from({ length: 12 }, (_, i) => `Giấy tờ số ${i + 1}: ${'văn bản xác nhận của cơ quan có thẩm quyền '.repeat(4)}`);
    const text = checklistQrText({ title: 'Đăng ký khai tử (1.000656)', lines, link }, 600);
    expect(utf8Bytes(text)).toBeLessThanOrEqual(600);
    expect(text.startsWith('Đăng ký khai tử')).toBe(true);
    expect(text.endsWith(`\n${link}`)).toBe(true);
    expect(text).toContain('…');
    const short = checklistQrText({ title: 'Khai sinh', lines: ['Tờ khai', 'Giấy chứng sinh'], link: null });
    expect(short).toBe('Khai sinh\n- Tờ khai\n- Giấy chứng sinh');
  });
});

/** A stand-in for speechSynthesis at its boundary: voices that arrive late, a record of what was read. */
function fakeSynth(voices: { lang: string; name: string }[]) {
  let loaded: { lang: string; name: string }[] = [];
  const listeners: (() => void)[] = [];
  const spoken: { text: string; lang: string; voice: string }[] = [];
  const pending: (() => void)[] = [];
  let cancels = 0;
  const synth: SpeechSynthesisLike = {
    getVoices: () => loaded,
    speak: (u) => {
      spoken.push({ text: u.text, lang: u.lang, voice: (u.voice as unknown as { name: string }).name });
      pending.push(() => u.onend?.(new Event('end') as SpeechSynthesisEvent));
    },
    cancel: () => {
      cancels += 1;
    },
    addEventListener: (_type, listener) => listeners.push(listener),
  };
  return {
    synth,
    spoken,
    cancels: () => cancels,
    loadVoices: () => {
      loaded = voices;
      listeners.forEach((l) => l());
    },
    /** The oldest `count` utterances end (all when no count). */
    finish: (count = pending.length) => pending.splice(0, count).forEach((end) => end()),
  };
}

class TestUtterance {
  lang = '';
  voice: unknown = null;
  rate = 1;
  onend: ((e: SpeechSynthesisEvent) => void) | null = null;
  onerror: ((e: SpeechSynthesisErrorEvent) => void) | null = null;
  constructor(readonly text: string) {}
}
const Utterance = TestUtterance as unknown as new (text: string) => SpeechSynthesisUtterance;

describe('reading aloud', () => {
  it('picks the vi-VN voice (Windows: Microsoft An), then any Vietnamese one, never another language', () => {
    const an = { lang: 'vi-VN', name: 'Microsoft An' };
    expect(pickVoice([{ lang: 'en-US', name: 'David' }, an], 'vi')).toBe(an);
    expect(pickVoice([{ lang: 'vi_VN', name: 'espeak' }], 'vi')?.name).toBe('espeak');
    expect(pickVoice([{ lang: 'en-US', name: 'David' }], 'vi')).toBeUndefined();
  });

  it('waits for the voices, reads line by line in that voice, and says when it is done', () => {
    const fake = fakeSynth([{ lang: 'en-US', name: 'David' }, { lang: 'vi-VN', name: 'Microsoft An' }]);
    const speech = createBrowserSpeech(fake.synth, Utterance);
    let changes = 0;
    speech.subscribe(() => (changes += 1));
    expect(speech.hasVoice('vi')).toBe(false);
    expect(speech.speak(['Câu hỏi'], 'vi')).toBe(false);
    fake.loadVoices();
    expect(changes).toBe(1);
    expect(speech.hasVoice('vi')).toBe(true);
    expect(speech.speak(['Người mất là ai?', '  ', '1. Người Việt Nam'], 'vi')).toBe(true);
    expect(speech.speaking).toBe(true);
    expect(fake.spoken).toEqual([
      { text: 'Người mất là ai?', lang: 'vi-VN', voice: 'Microsoft An' },
      { text: '1. Người Việt Nam', lang: 'vi-VN', voice: 'Microsoft An' },
    ]);
    fake.finish();
    expect(speech.speaking).toBe(false);
  });

  it('stops, and the end of a cancelled reading does not end the next one', () => {
    const fake = fakeSynth([{ lang: 'vi-VN', name: 'Microsoft An' }]);
    fake.loadVoices();
    const speech = createBrowserSpeech(fake.synth, Utterance);
    speech.speak(['một'], 'vi');
    speech.stop();
    expect(speech.speaking).toBe(false);
    const cancelsBefore = fake.cancels();
    speech.speak(['hai', 'ba'], 'vi');
    expect(fake.cancels()).toBe(cancelsBefore + 1);
    expect(speech.speaking).toBe(true);
    // "một" was cancelled; Chromium may still report its end: the new reading goes on.
    fake.finish(1);
    expect(speech.speaking).toBe(true);
    fake.finish();
    expect(speech.speaking).toBe(false);
  });
});

describe('display modes and flow addresses', () => {
  it('sets and clears the attributes the styles follow', () => {
    const root = { dataset: {} as DOMStringMap } as HTMLElement;
    applyDisplayModes(root, { largeText: true, highContrast: true });
    expect({ ...root.dataset }).toEqual({ text: 'large', contrast: 'high' });
    applyDisplayModes(root, USUAL_DISPLAY);
    expect({ ...root.dataset }).toEqual({});
  });

  it('keeps the answers in the address', () => {
    const route: Route = { screen: 'flow', flow: 'khai-tu', steps: [{ question: 'status', answer: 'new' }, { question: 'who', answer: 'vn' }] };
    expect(routeHref(route)).toBe('#/flow/khai-tu/status=new/who=vn');
    expect(parseRoute(routeHref(route))).toEqual(route);
    expect(parseRoute('#/flow/khai-tu')).toEqual({ screen: 'flow', flow: 'khai-tu', steps: [] });
    expect(parseRoute('#/flow-list/ket-hon')).toEqual({ screen: 'flowList', flow: 'ket-hon' });
  });
});
