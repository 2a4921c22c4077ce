/**
 * The "postgres" test project's one cluster: started once for the whole run (durability off, it is
 * thrown away), with a migrated template database that each test copies (tempStore.ts), then
 * stopped and deleted when the run ends.
 */
import type { TestProject } from 'vitest/node';
import { openPostgresStore } from '../../server/store/postgres/postgresStore.ts';
import { startPostgres } from './postgresCluster.ts';
import { POSTGRES_TEMPLATE } from './testStores.ts';
import { createDatabase } from './postgresDatabases.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres({ fast: true, settings: { max_connections: '300' } });
  const server = cluster.url.replace(/\/[^/]*$/, '');
  await createDatabase(server, POSTGRES_TEMPLATE);
  const store = await openPostgresStore(`${server}/${POSTGRES_TEMPLATE}`, { poolSize: 1 });
  if (!store.ok) throw new Error(store.error);
  await store.value.close();
  project.provide('postgresServer', server);
  return () => cluster.stop();
}
