/**
 * Server-sent events on a Fastify reply: the reply is taken over (hijacked) and written by hand,
 * with a comment every few seconds so proxies and idle timers keep the line open. Every open stream
 * is ended when the server closes, or a restart would wait for ever on the waiting-room screen.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface EventStream {
  /** Sends one event; `id` lets a client say where it stopped. False once the stream is closed. */
  send(event: string, data: unknown, id?: number): boolean;
  close(): void;
  /** Called once when the client goes away or the stream is closed. */
  onClose(listener: () => void): void;
  readonly closed: boolean;
}

const HEARTBEAT_MS = 15_000;

/** Keeps the streams of one app, so they can be ended before it closes. */
export function trackStreams(app: FastifyInstance): Set<EventStream> {
  const open = new Set<EventStream>();
  app.addHook('preClose', (done) => {
    for (const stream of open) stream.close();
    done();
  });
  return open;
}

export function openEventStream(request: FastifyRequest, reply: FastifyReply, open: Set<EventStream>): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    // A hijacked reply skips the app's onSend hook, which sets this for the rest of the API.
    'access-control-allow-origin': '*',
  });
  // Tells EventSource-like clients how long to wait before reconnecting.
  raw.write('retry: 2000\n\n');
  let closed = false;
  const listeners: (() => void)[] = [];
  const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
  const stream: EventStream = {
    send(event, data, id) {
      if (closed) return false;
      const lines = [`event: ${event}`];
      if (id !== undefined) lines.push(`id: ${id}`);
      lines.push(`data: ${JSON.stringify(data)}`);
      raw.write(`${lines.join('\n')}\n\n`);
      return true;
    },
    close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      open.delete(stream);
      raw.end();
      for (const l of listeners) l();
    },
    onClose(listener) {
      listeners.push(listener);
    },
    get closed() {
      return closed;
    },
  };
  open.add(stream);
  request.raw.on('close', () => stream.close());
  return stream;
}
