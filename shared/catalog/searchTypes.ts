/**
 * The contract of the procedure search engine, used by the kiosk UI, the counter, the CLI and the
 * benchmark alike. The engine itself lives in searchEngine.ts.
 */
import type { Procedure } from './procedure.ts';

export interface SearchOptions {
  /** Maximum hits returned (default 20). */
  limit?: number;
  /** Only procedures of this field (lĩnh vực), exact catalog spelling. */
  field?: string;
  /** Only procedures whose agencies (competent/executing/...) mention this text (folded match). */
  agency?: string;
}

export interface SearchHit {
  code: string;
  name: string;
  /** 0 is a perfect match, 1 the weakest (Fuse.js convention). */
  score: number;
  procedure: Procedure;
}

export interface SearchResult {
  /**
   * `match`: hits that answer the whole query; `nearest`: nothing answered it all, these are the
   * closest partial matches (the UI says so); `empty`: the query was blank (no hits) or nothing at all matched.
   */
  kind: 'match' | 'nearest' | 'empty';
  hits: SearchHit[];
}

export interface FieldCount {
  field: string;
  count: number;
}

export interface SearchEngine {
  readonly size: number;
  search(query: string, options?: SearchOptions): SearchResult;
  /** Fields with how many procedures each has, most procedures first. */
  fields(): FieldCount[];
  /** Look a procedure up by code, with or without the dot ("1.001193" or "1001193"). */
  byCode(code: string): Procedure | undefined;
}
