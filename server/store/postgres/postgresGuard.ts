/** How the PostgreSQL modules turn the database's own failures into values (anything else is a bug and goes on). */
import { err, type Result } from '../../../shared/result.ts';
import type { StorageFailure } from '../store.ts';
import { PostgresFailure } from './postgresSql.ts';

export type PostgresGuard = <T, E>(work: () => Promise<Result<T, E>>) => Promise<Result<T, E | StorageFailure>>;

export const postgresGuard: PostgresGuard = async (work) => {
  try {
    return await work();
  } catch (e) {
    if (e instanceof PostgresFailure) return err({ kind: 'storage', reason: e.message });
    throw e;
  }
};
