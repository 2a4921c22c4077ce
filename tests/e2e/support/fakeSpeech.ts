/**
 * Stands in for the browser's speech synthesis (window.speechSynthesis and SpeechSynthesisUtterance),
 * the boundary where the operating system's voices live: headless Chromium has none, and a test must
 * not depend on which are installed. Voices arrive late, as they do in Chromium, with a
 * "voiceschanged" event; what the page asked to read is recorded in window.__spoken.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface SpokenUtterance {
  text: string;
  lang: string;
  voice: string | null;
}

export async function installFakeSpeech(context: BrowserContext, voices: { lang: string; name: string }[]) {
  await context.addInitScript((voices) => {
    const spoken: { text: string; lang: string; voice: string | null }[] = [];
    const listeners: (() => void)[] = [];
    let loaded: typeof voices = [];
    class FakeUtterance {
      text: string;
      lang = '';
      voice: { name: string } | null = null;
      rate = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const synth = {
      getVoices: () => loaded,
      speak(u: FakeUtterance) {
        spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
        setTimeout(() => u.onend?.(), 20);
      },
      cancel() {},
      addEventListener(type: string, listener: () => void) {
        if (type === 'voiceschanged') listeners.push(listener);
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true, writable: true });
    Object.defineProperty(window, '__spoken', { value: spoken });
    setTimeout(() => {
      loaded = voices;
      listeners.forEach((l) => l());
    }, 300);
  }, voices);
}

export function spokenSoFar(page: Page): Promise<SpokenUtterance[]> {
  return page.evaluate(() => (window as unknown as { __spoken: SpokenUtterance[] }).__spoken);
}
