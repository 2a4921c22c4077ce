/**
 * How large a push and each item in it may be. Scans no longer ride in the push, so a real item is
 * a few KB; the push route's body limit is small, and an item over its own limit is answered
 * `rejected` (code `too_large`) instead of failing the whole push, so it never blocks what follows.
 */
import { z } from 'zod';

/** One mutation's payload, as UTF-8 JSON. */
export const MAX_PUSH_ITEM_BYTES = 256 * 1024;
/** The push request body (the route's limit): a batch of items plus the envelope. */
export const MAX_PUSH_BODY_BYTES = 2 * 1024 * 1024;
/** What a device puts in one push, leaving room for the envelope under MAX_PUSH_BODY_BYTES. */
export const PUSH_BATCH_BYTES = 1024 * 1024;

const encoder = new TextEncoder();

/** A payload's size on the wire (UTF-8 JSON), as both ends count it. */
export function payloadBytes(payload: unknown): number {
  return encoder.encode(JSON.stringify(payload) ?? 'null').length;
}

/**
 * What a device pushes in place of a payload over MAX_PUSH_ITEM_BYTES (e.g. one written by an
 * older version with scans inline): the server answers it `rejected` / `too_large` and the
 * sequence moves on, instead of the whole push failing on the body limit.
 */
export const oversizedPayloadSchema = z.object({ oversized: z.object({ bytes: z.number().int().positive() }) });
export type OversizedPayload = z.infer<typeof oversizedPayloadSchema>;
