/**
 * Pulls the center's taught vocabulary (with its ETag, so an unchanged one costs a 304): on start,
 * when the link comes back and every few minutes, once the device is enrolled. The catalog hook
 * follows the stored copy and rebuilds the search engine with it (app/useCatalog.ts).
 */
import { useEffect } from 'react';
import type { MotcuaDb } from '../data/db.ts';
import { loadDevice } from '../data/deviceRepository.ts';
import { loadVocabulary, saveVocabulary } from '../data/vocabularyRepository.ts';
import type { TokenVault } from '../security/dataKey.ts';
import { noAnswer } from './apiClient.ts';
import { fetchVocabulary } from './learningClient.ts';

const PULL_EVERY_MS = 10 * 60_000;

export type VocabularyPullOutcome = 'updated' | 'unchanged' | 'not_enrolled' | 'offline' | 'failed';

/** One pull; never throws. */
export async function pullVocabulary(db: MotcuaDb, tokens: TokenVault, fetchFn?: typeof fetch): Promise<VocabularyPullOutcome> {
  try {
    const loaded = await loadDevice(db, tokens);
    if (!loaded.ok) return 'failed';
    const device = loaded.value;
    if (!device) return 'not_enrolled';
    const held = await loadVocabulary(db);
    if (!held.ok) return 'failed';
    const answer = await fetchVocabulary({ serverUrl: device.serverUrl, token: device.token, ...(fetchFn ? { fetchFn } : {}) }, held.value?.etag ?? null);
    if (!answer.ok) return noAnswer(answer.error) ? 'offline' : 'failed';
    if (answer.value.status === 'unchanged') return 'unchanged';
    const vocabulary = answer.value.value;
    if (vocabulary.centerCode !== device.centerCode) return 'failed';
    if (held.value && held.value.vocabulary.version === vocabulary.version) return 'unchanged';
    const saved = await saveVocabulary(db, vocabulary, answer.value.etag);
    return saved.ok ? 'updated' : 'failed';
  } catch {
    return 'failed';
  }
}

export function useVocabularyPull(db: MotcuaDb, tokens: TokenVault): void {
  useEffect(() => {
    const pull = () => void pullVocabulary(db, tokens);
    pull();
    const timer = window.setInterval(pull, PULL_EVERY_MS);
    window.addEventListener('online', pull);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', pull);
    };
  }, [db, tokens]);
}
