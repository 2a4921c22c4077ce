/** Error answers in one shape, `{ error, reason }`: a stable code the UI translates and a sentence a person can read. */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ApiError } from '../../shared/sync/protocol.ts';

export function sendError(reply: FastifyReply, status: number, error: string, reason: string): FastifyReply {
  const body: ApiError = { error, reason };
  return reply.code(status).send(body);
}

/** The first few schema issues as one line, e.g. "mutations.0.seq: expected number". */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`);
  if (error.issues.length > limit) parts.push(`and ${error.issues.length - limit} more`);
  return parts.join('; ');
}
