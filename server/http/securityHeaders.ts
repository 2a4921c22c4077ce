/**
 * Security headers on every answer (helmet): a strict Content-Security-Policy for the web UI (the
 * same directives the Electron shell sets, electron/main/security.ts), no framing (frame-ancestors
 * 'none' and X-Frame-Options DENY), nosniff and no Referer. HSTS is left off: a center may serve
 * plain HTTP on its LAN, and a kiosk pinned to HTTPS by a self-signed test certificate would lock
 * itself out.
 *
 * helmet itself, not @fastify/helmet: the plugin builds helmet's middleware again on every request
 * (options parsed, CSP directives checked), a cost every answer paid under load. The headers here
 * are the same for every answer, so helmet works them out once at start and each answer gets them.
 */
import type { OutgoingHttpHeader } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // React's style props are set through the CSSOM; a few components still set a style attribute.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  // As the page's own meta CSP: a counter may be pointed at another server address when it enrols.
  connectSrc: ["'self'", 'http:', 'https:'],
  mediaSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'none'"],
};

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: false,
  // The Electron shell (app://motcua) reads the API cross-origin (CORS); resources stay readable to it.
  crossOriginResourcePolicy: false,
  crossOriginEmbedderPolicy: false,
};

/** The headers helmet sets with these options, recorded once (no option here depends on the request). */
export function securityHeaders(options: HelmetOptions = HELMET_OPTIONS): [string, OutgoingHttpHeader][] {
  const headers = new Map<string, OutgoingHttpHeader>();
  const recorder = {
    setHeader: (name: string, value: OutgoingHttpHeader) => headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  };
  let failure: unknown = null;
  // helmet's middleware is synchronous: it has called back before it returns.
  helmet(options)({} as never, recorder as never, (e?: unknown) => {
    failure = e ?? null;
  });
  if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
  return [...headers];
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
