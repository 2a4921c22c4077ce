/**
 * Reads a server-sent event stream (text/event-stream) from text chunks as they arrive, for clients
 * that read it through fetch: EventSource cannot send a device's bearer token. Follows the WHATWG
 * parsing rules that matter here: `event`, `data` (joined by newlines), `id`, comments, CR/LF.
 */

export interface ServerSentEvent {
  event: string;
  data: string;
  /** The last `id:` seen so far in the stream (a client resumes from it). */
  id: string | null;
}

export function createSseParser(onEvent: (event: ServerSentEvent) => void): { push(chunk: string): void } {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let lastId: string | null = null;
  const dispatch = () => {
    if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n'), id: lastId });
    event = '';
    data = [];
  };
  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
  };
  return {
    push(chunk) {
      buffer += chunk;
      for (;;) {
        const m = /\r\n|\r|\n/.exec(buffer);
        // A lone CR at the end may be the first half of CRLF: wait for the next chunk.
        if (!m || (m[0] === '\r' && m.index === buffer.length - 1)) break;
        line(buffer.slice(0, m.index));
        buffer = buffer.slice(m.index + m[0].length);
      }
    },
  };
}
