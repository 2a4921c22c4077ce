/**
 * Says a call in the waiting room: a chime (WebAudio), then the words, from the center's recorded
 * clips when it has them, else a Vietnamese system voice (platform.speech), else the chime alone.
 * One call at a time, in order, so two desks calling together are both heard. The voice, clips and
 * chime are interfaces, so the display's tests fake the system's voice at its edge only.
 */
import { clipFiles, type ClipManifest } from '../../../../shared/queue/announcementWords.ts';
import type { Speech } from '../../../platform/speech.ts';
import { clipUrl, fetchClipManifest } from '../../../sync/queueVoiceClient.ts';

export interface Chime {
  /** Plays the chime; false when the browser keeps sound off until someone taps the screen. */
  play(): Promise<boolean>;
}

export interface Voice {
  /** Says `text` in Vietnamese; false when there is no Vietnamese voice. */
  say(text: string): Promise<boolean>;
}

export interface ClipPlayer {
  /** Plays the files in order; false when one cannot play. */
  play(files: string[]): Promise<boolean>;
}

export interface Call {
  number: string;
  counter: number;
  recall: boolean;
}

export type Spoken = 'clips' | 'voice' | 'chime' | 'silent';

export interface Announcer {
  announce(call: Call, text: string): Promise<Spoken>;
}

export function createAnnouncer(parts: { chime: Chime; voice: Voice | null; clips: { manifest: ClipManifest; player: ClipPlayer } | null }): Announcer {
  let line: Promise<unknown> = Promise.resolve();
  async function once(call: Call, text: string): Promise<Spoken> {
    const chimed = await parts.chime.play();
    const files = parts.clips ? clipFiles(parts.clips.manifest, call.number, call.counter) : null;
    if (files && parts.clips && (await parts.clips.player.play(files))) return 'clips';
    if (parts.voice && (await parts.voice.say(text))) return 'voice';
    return chimed ? 'chime' : 'silent';
  }
  return {
    announce(call, text) {
      const turn = line.then(() => once(call, text));
      line = turn.catch(() => undefined);
      return turn;
    },
  };
}

/** A two-note chime ("ding-dong") made with WebAudio: no audio file to ship. */
export function webAudioChime(): Chime & { context: AudioContext | null } {
  const Context = (window as unknown as { AudioContext?: typeof AudioContext }).AudioContext;
  const context = Context ? new Context() : null;
  return {
    context,
    async play() {
      if (!context) return false;
      if (context.state === 'suspended') await context.resume().catch(() => undefined);
      if (context.state !== 'running') return false;
      const start = context.currentTime + 0.05;
      for (const [i, frequency] of [659.25, 523.25].entries()) {
        const osc = context.createOscillator();
        const gain = context.createGain();
        osc.type = 'sine';
        osc.frequency.value = frequency;
        const at = start + i * 0.5;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.5, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.9);
        osc.connect(gain).connect(context.destination);
        osc.start(at);
        osc.stop(at + 0.95);
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return true;
    },
  };
}

/**
 * The system's Vietnamese voice through the platform's speech seam (Windows ships "Microsoft An";
 * many Linux PCs have none): a call is said once its reading has ended, so the next waits its turn.
 */
export function speechVoice(speech: Speech, longestMs = 12_000): Voice {
  return {
    say(text) {
      if (!speech.speak([text], 'vi')) return Promise.resolve(false);
      return new Promise((resolve) => {
        let unsubscribe = () => {};
        // A voice that never reports its end must not hold the next call for ever.
        const timer = setTimeout(() => finish(), longestMs);
        const finish = () => {
          clearTimeout(timer);
          unsubscribe();
          resolve(true);
        };
        unsubscribe = speech.subscribe(() => {
          if (!speech.speaking) finish();
        });
        if (!speech.speaking) finish();
      });
    },
  };
}

/** The center's recorded clips, if it has them beside the app; null otherwise (the voice speaks instead). */
export async function loadClipManifest(serverUrl: string): Promise<{ manifest: ClipManifest; player: ClipPlayer } | null> {
  const found = await fetchClipManifest(serverUrl);
  if (!found.ok) return null;
  const player: ClipPlayer = {
    async play(files) {
      for (const file of files) {
        const audio = new Audio(clipUrl(serverUrl, file));
        const played = await new Promise<boolean>((resolve) => {
          audio.onended = () => resolve(true);
          audio.onerror = () => resolve(false);
          audio.play().catch(() => resolve(false));
        });
        if (!played) return false;
      }
      return true;
    },
  };
  return { manifest: found.value, player };
}
