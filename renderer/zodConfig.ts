/**
 * zod as the renderer's build gives it to every module that imports 'zod' (vite.config.ts aliases
 * the name here): configured before any schema is defined, so zod never probes `new Function`
 * under the kiosk's strict Content-Security-Policy (schemas decide on JIT when they are defined).
 * Through the alias, zod and this setting arrive with the first module that needs a schema, not
 * with the first screen.
 */
import { z } from 'zod/v4';

z.config({ jitless: true });

// Only `z`, used by static imports: a module that took zod by import() would keep all of it (the
// bundler could no longer see which schemas are used), as would a default export of the namespace.
export { z };
