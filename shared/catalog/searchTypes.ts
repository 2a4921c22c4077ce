/**
 * The contract of the procedure search engine, used by the kiosk UI, the counter, the CLI and the
 * benchmark alike. The engine itself lives in searchEngine.ts, its language layer in language/.
 */
import type { Procedure } from './procedure.ts';

export interface SearchOptions {
  /** Maximum hits returned (default 20). */
  limit?: number;
  /** Only procedures of this field (lĩnh vực), exact catalog spelling. */
  field?: string;
  /** Only procedures whose agencies (competent/executing/...) mention this text (folded match). */
  agency?: string;
  /** The kiosk's language: in English, English words are read through the English lexicon too. */
  language?: 'vi' | 'en';
  /**
   * The query is complete (the CLI, an evaluation): its last word is not completed as if still
   * being typed. Default: the last word is being typed unless the query ends with a space.
   */
  finished?: boolean;
}

/** Why a result matched: what the person typed and the catalog wording it was read as. */
export interface MatchedWords {
  /** As typed, e.g. "sổ đỏ". */
  typed: string;
  /** As the procedure says it, e.g. "Giấy chứng nhận quyền sử dụng đất". */
  found: string;
}

export interface SearchHit {
  code: string;
  name: string;
  /** 0 is a perfect match, 1 the weakest (Fuse.js convention). */
  score: number;
  procedure: Procedure;
  /** The query's words that this procedure answers (always set by createSearchEngine). */
  matched?: MatchedWords[];
}

/** Where a procedure that is not done here is done. */
export type ProcedureLevel = 'commune' | 'province' | 'ministry' | 'other';

/** A procedure of the national catalog that this center does not handle. */
export interface ElsewhereHit extends SearchHit {
  level: ProcedureLevel;
  /** The agency that handles it, from the catalog (null when the catalog does not say). */
  where: string | null;
}

export interface SearchResult {
  /**
   * `match`: hits that answer the whole query; `nearest`: nothing answered it all, these are the
   * closest partial matches (the UI says so); `empty`: the query was blank (no hits) or nothing at all matched.
   */
  kind: 'match' | 'nearest' | 'empty';
  /** Procedures this center handles, best first. */
  hits: SearchHit[];
  /**
   * When the best answer is a procedure this center does not handle (a province or ministry one),
   * that answer, with where to go; empty when one of `hits` answers the query as well or better.
   * Only an engine that holds more than the center's own list can give one.
   */
  elsewhere?: ElsewhereHit[];
  /** Words of the query that nothing in the catalog or the lexicon matched (left out of the search). */
  unread?: string[];
}

export interface FieldCount {
  field: string;
  count: number;
}

export interface SearchEngine {
  /** How many of this center's own procedures it searches. */
  readonly size: number;
  search(query: string, options?: SearchOptions): SearchResult;
  /** Fields of the center's own procedures with how many each has, most procedures first. */
  fields(): FieldCount[];
  /** Look a procedure up by code, with or without the dot ("1.001193" or "1001193"). */
  byCode(code: string): Procedure | undefined;
  /**
   * Does now, while nobody is typing, what the first search in `language` would otherwise pay for
   * (its lexicon compiled, the search's code run once): called when the screen is idle after start.
   */
  warm(language: 'vi' | 'en'): void;
  /** The lexicon versions in use, by language (0 when searching catalog words alone). */
  readonly lexiconVersions?: Readonly<Record<'vi' | 'en', number>>;
}
