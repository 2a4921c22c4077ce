/**
 * What the server sends, compressed: API answers on the fly (@fastify/compress, brotli at a quality
 * that costs little CPU), the built app as files compressed once at build time (served by
 * @fastify/static's preCompressed), and big answers that many devices ask for alike (the whole
 * catalog for a new device) compressed once per version and kept. Requests are never decompressed:
 * a compressed body could unpack past the body limits.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** JSON, text, scripts, styles, SVG and manifests; never images, PDFs or scan bytes (already compressed). */
const COMPRESSIBLE = /^text\/|\/(?:json|javascript|xml|manifest\+json)(?:;|$)|\+(?:json|xml)(?:;|$)/;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    customTypes: COMPRESSIBLE,
    threshold: 1024,
  });
}

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The best encoding a client accepts (RFC 9110 §12.5.3): brotli, then gzip, else none. A coding
 * with q=0 is refused; `*` stands for any coding not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((c) => weight(c) > 0).sort((a, b) => weight(b) - weight(a))[0];
  return best ?? 'identity';
}

interface Encoded {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function encode(value: unknown): Promise<Encoded> {
  const identity = Buffer.from(JSON.stringify(value));
  // In zlib's thread pool, so one slow compression never holds the event loop.
  const [br, gz] = await Promise.all([
    brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    gzipAsync(identity, { level: 9 }),
  ]);
  return { identity, br, gzip: gz };
}

/**
 * A JSON answer compressed once for a key (e.g. the catalog version) and sent as is to every client
 * that asks for that key, in the encoding it accepts. Keeps the latest key only.
 */
export function createPrecompressedJson() {
  let held: { key: string; encoded: Promise<Encoded> } | null = null;
  return async function send(request: FastifyRequest, reply: FastifyReply, key: string, value: () => unknown): Promise<FastifyReply> {
    if (held?.key !== key) {
      const encoded = encode(value()).catch((e: unknown) => {
        held = null;
        throw e;
      });
      held = { key, encoded };
    }
    const encoded = await held.encoded;
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(encoded[encoding]);
  };
}
