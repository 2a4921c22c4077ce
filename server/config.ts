/** Server configuration from the command line and the environment, with the defaults a center needs. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../shared/result.ts';
import { defaultAdminUnitsDir } from './address/importAdminUnits.ts';
import { defaultHolidayTablePath } from './calendar/importCalendar.ts';
import { COMMUNE_CATALOG, sharedDataDir } from './catalog/readCatalogSource.ts';
import { chooseStore, type StoreChoice } from './store/openStore.ts';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  /** SQLite in dataDir (default), or PostgreSQL (`--store postgres://...` or DATABASE_URL). */
  store: StoreChoice;
  webRoot: string | null;
  /** A catalog to import when the server has none yet; null to start with the demo catalog. */
  seedCatalog: string | null;
  /** A holiday table to import when the server has none yet; null to leave devices on the statutory rules. */
  seedCalendar: string | null;
  /** The administrative units folder to import when the server has none yet; null to leave the address lookup off. */
  seedAdminUnits: string | null;
  /** Seed the public demo center (code DEMO, codes in centers/addCenter.ts DEMO_CENTER): development and e2e only. */
  demoCenter: boolean;
  /** PEM files to serve HTTPS with (both or neither). */
  tls: { certPath: string; keyPath: string } | null;
  /** Where the rotating server log goes (default <data-dir>/logs). */
  logDir: string;
  /** The log's level: info (default: failures, refusals and a summary a minute) or debug (every request too). */
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the server keeps its SQLite file unless told otherwise: MOTCUA_SERVER_DATA, else data/server. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.MOTCUA_SERVER_DATA ?? 'data/server';
}

export function readServerConfig(argv: string[], env = process.env): Result<ServerConfig> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string', default: env.MOTCUA_HOST ?? '127.0.0.1' },
        port: { type: 'string', default: env.MOTCUA_PORT ?? '8787' },
        'data-dir': { type: 'string', default: defaultDataDir(env) },
        store: { type: 'string' },
        web: { type: 'boolean', default: false },
        catalog: { type: 'string' },
        calendar: { type: 'string' },
        'admin-units': { type: 'string' },
        demo: { type: 'boolean', default: false },
        'demo-center': { type: 'boolean', default: false },
        'tls-cert': { type: 'string', default: env.MOTCUA_TLS_CERT },
        'tls-key': { type: 'string', default: env.MOTCUA_TLS_KEY },
        'log-dir': { type: 'string', default: env.MOTCUA_LOG_DIR },
        'log-level': { type: 'string', default: env.MOTCUA_LOG_LEVEL ?? 'info' },
      },
    }));
  } catch (e) {
    return err((e as Error).message);
  }
  const certPath = values['tls-cert'];
  const keyPath = values['tls-key'];
  if (Boolean(certPath) !== Boolean(keyPath)) return err('--tls-cert and --tls-key go together: give both PEM files, or neither for plain HTTP');
  const logLevel = LOG_LEVELS.find((l) => l === values['log-level']);
  if (!logLevel) return err(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got ${values['log-level']}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return err(`--port must be 0-65535, got ${values.port}`);
  const defaultSeed = env.MOTCUA_CATALOG ?? join(sharedDataDir(), COMMUNE_CATALOG);
  const seed = values.demo ? null : (values.catalog ?? (existsSync(defaultSeed) ? defaultSeed : null));
  const defaultCalendar = env.MOTCUA_CALENDAR ?? defaultHolidayTablePath();
  const calendar = values.calendar ?? (existsSync(defaultCalendar) ? defaultCalendar : null);
  const defaultUnits = env.MOTCUA_ADMIN_UNITS ?? defaultAdminUnitsDir();
  const adminUnits = values['admin-units'] ?? (existsSync(defaultUnits) ? defaultUnits : null);
  const dataDir = resolve(values['data-dir']);
  const store = chooseStore(values.store, dataDir, env);
  if (!store.ok) return store;
  return ok({
    store: store.value,
    host: values.host,
    port,
    dataDir,
    webRoot: values.web ? resolve(import.meta.dirname, '../dist/renderer') : null,
    seedCatalog: seed ? resolve(seed) : null,
    seedCalendar: calendar ? resolve(calendar) : null,
    seedAdminUnits: adminUnits ? resolve(adminUnits) : null,
    demoCenter: values['demo-center'],
    tls: certPath && keyPath ? { certPath: resolve(certPath), keyPath: resolve(keyPath) } : null,
    logDir: resolve(values['log-dir'] ?? join(dataDir, 'logs')),
    logLevel,
  });
}
