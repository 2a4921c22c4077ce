/**
 * Security headers on every answer (@fastify/helmet): a strict Content-Security-Policy for the web
 * UI (the same directives the Electron shell sets, electron/main/security.ts), no framing
 * (frame-ancestors 'none' and X-Frame-Options DENY), nosniff and no Referer. HSTS is left off: a
 * center may serve plain HTTP on its LAN, and a kiosk pinned to HTTPS by a self-signed test
 * certificate would lock itself out.
 */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

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

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    // The Electron shell (app://motcua) reads the API cross-origin (CORS); resources stay readable to it.
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
  });
}
