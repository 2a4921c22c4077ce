/**
 * What the waiting room hears for a call, as words: the sentence for a voice ("Mời số A023 đến quầy
 * số 2") and the same as recorded clips, one clip a word, letter or digit, so a center can record
 * its own voice once and every number is said from the same few dozen clips.
 */
import { z } from 'zod';

/** The clips a call is made of: "moi-so", the number letter by letter and digit by digit, "den-quay-so", the counter. */
export function announcementClips(number: string, counter: number): string[] {
  const spelled = (text: string) => [...text.toLowerCase()].filter((c) => /[a-z0-9]/.test(c));
  return ['moi-so', ...spelled(number), 'den-quay-so', ...spelled(String(counter))];
}

/**
 * A center's recorded clips: `queue-voice/manifest.json` beside the app, naming one audio file per
 * clip. Optional: without it the display speaks with a vi-VN voice if the system has one.
 */
export const clipManifestSchema = z.object({
  format: z.literal(1),
  clips: z.record(z.string().regex(/^[a-z0-9-]{1,20}$/), z.string().regex(/^[A-Za-z0-9._-]+\.(mp3|ogg|wav|m4a)$/)),
});
export type ClipManifest = z.infer<typeof clipManifestSchema>;

/** The audio files for a call, or null when the manifest lacks one of its clips. */
export function clipFiles(manifest: ClipManifest, number: string, counter: number): string[] | null {
  const files = announcementClips(number, counter).map((c) => manifest.clips[c]);
  return files.every((f): f is string => typeof f === 'string') ? files : null;
}
