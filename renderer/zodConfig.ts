/**
 * Imported first by main.tsx: zod must not probe `new Function` under the kiosk's strict
 * Content-Security-Policy, and schemas decide on JIT when they are defined.
 */
import { z } from 'zod';

z.config({ jitless: true });
