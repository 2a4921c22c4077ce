/**
 * Finding this counter's files by what staff have in hand: the number on the receipt (or part of
 * it), the citizen's name (tones and case forgiven, words in any order) or căn cước number. The
 * one place that reads citizens' names and ID numbers for searching. Names and IDs are sealed at
 * rest, so the search runs over the opened views (renderer/data/fileViews.ts: decrypt on read,
 * cached); a file whose personal data cannot be opened still matches by its number.
 */
import { foldedWords } from '../../shared/catalog/foldVietnamese.ts';
import type { Result } from '../../shared/result.ts';
import type { MotcuaDb } from './db.ts';
import { listFileViews, type FileView } from './fileViews.ts';
import { runRefusable } from './refusal.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

/** What a typed query can match: a number fragment, an ID fragment, or name words. */
export interface FileQuery {
  /** Upper case, spaces removed: "d01-2027" matches DEMO-D01-20270301-0001. */
  number: string;
  /** The digits typed, when the query is only digits (and separators): part of a căn cước number. */
  digits: string | null;
  /** Folded words, each of which must start a word of the name. */
  words: string[];
}

export function parseFileQuery(query: string): FileQuery | null {
  const trimmed = query.trim();
  if (trimmed === '') return null;
  const onlyDigits = /^[\d\s.-]+$/.test(trimmed);
  return {
    number: trimmed.toUpperCase().replace(/\s+/g, ''),
    digits: onlyDigits ? trimmed.replace(/\D/g, '') : null,
    words: foldedWords(trimmed),
  };
}

/** Whether a file matches a parsed query: by number, by ID digits (3 or more), or by every name word. */
export function fileMatches(file: Pick<FileView, 'number' | 'personal'>, q: FileQuery): boolean {
  if (q.number.length >= 2 && file.number.includes(q.number)) return true;
  if (!file.personal.ok) return false;
  const { citizen } = file.personal.value;
  if (q.digits !== null && q.digits.length >= 3 && citizen.idNumber.includes(q.digits)) return true;
  if (q.words.length === 0 || q.digits !== null) return false;
  const name = foldedWords(citizen.fullName);
  return q.words.every((w) => name.some((n) => n.startsWith(w)));
}

/** This device's files matching `query` (all of them for an empty query), in no particular order. */
export function searchFiles(db: MotcuaDb, query: string): Promise<Result<FileView[], StorageError>> {
  const q = parseFileQuery(query);
  return runRefusable(async () => {
    const views = await listFileViews(db);
    return q === null ? views : views.filter((f) => fileMatches(f, q));
  }, storageErrorFrom);
}
