/**
 * Every path of the motcua server, in one place: the server registers its routes from here and
 * the devices build their requests from here, so the two can never drift apart. A path with a
 * parameter has its Fastify pattern (`route`, for the server) and a builder (`at`, for clients)
 * that encodes the parameter. Who may call each path is declared by the route itself
 * (`config.roles`); the comments here say what it does.
 */

/** A path with one parameter: the server's pattern and the client's builder. */
export interface ParamPath {
  readonly route: string;
  /** The path for this value (encoded), with an optional query string. */
  at(value: string, query?: Record<string, string | number | null | undefined>): string;
}

/** `?a=1&b=2` for a query (empty without one); values are encoded. */
export function queryString(query: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== null && value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function withParam(route: string): ParamPath {
  const name = /:([A-Za-z]+)/.exec(route)?.[1];
  if (!name) throw new Error(`no parameter in ${route}`);
  return { route, at: (value, query) => route.replace(`:${name}`, encodeURIComponent(value)) + queryString(query) };
}

/** Every API path starts with this (CORS, the API's own 404 versus the app's screens). */
export const API_PREFIX = '/api/';

export const API_PATHS = {
  /** GET: 200 while the server answers (the network probe's target). */
  health: '/api/health',
  devices: {
    /** POST an enrolRequestSchema body: the device's token (shared/sync/protocol.ts). */
    enrol: '/api/devices/enrol',
  },
  sync: {
    /** POST a pushRequestSchema body: numbered mutations, applied exactly once. */
    push: '/api/sync/push',
    /** GET ?since=CURSOR&limit=N: status changes of the center's files after the cursor. */
    statuses: '/api/sync/statuses',
  },
  catalog: {
    /**
     * GET ?since=VERSION: what changed since that version, deletions included (catalogChangesSchema);
     * the whole catalog when the version is 0, unknown or too old. The catalog's one path.
     */
    changes: '/api/catalog/changes',
  },
  files: {
    /** GET ?number=&limit=: the center's files (staff devices). */
    list: '/api/files',
    /** GET: one file. */
    one: withParam('/api/files/:id'),
    /** POST a statusChangeRequestSchema body: a server-side status change of one file. */
    status: withParam('/api/files/:id/status'),
    /** GET: a file's audit log, oldest first. */
    history: withParam('/api/files/:id/history'),
    /** GET: a file's corrections, due-date moves and fee payments. */
    changes: withParam('/api/files/:id/changes'),
  },
  stats: {
    /** GET ?from=YYYY-MM-DD&to=YYYY-MM-DD&groupBy=day|week[&location=]: the center's figures (centerStatsSchema). */
    figures: '/api/stats',
    /** GET, same query: the figures as CSV. */
    csv: '/api/stats.csv',
  },
  province: {
    /** GET ?from=YYYY-MM-DD&to=YYYY-MM-DD (to: the day after the last), province devices: each of the province's centers' figures (provinceStatsSchema). */
    figures: '/api/province/stats',
    /** GET, same query: the figures as CSV. */
    csv: '/api/province/stats.csv',
  },
  /** GET: the holiday table (calendarResponseSchema) the devices count working days with. */
  calendar: '/api/calendar',
  /** GET: the administrative units, old and new (adminUnitsResponseSchema), ETag on their version. */
  adminUnits: '/api/address/units',
  centerList: {
    /** GET ?since=VERSION: what changed in the device's center list since that version. */
    changes: '/api/center-list/changes',
    /** PUT a centerListWriteSchema body (center admin devices only). */
    write: '/api/center-list',
  },
  scans: {
    /** POST scanUploadStartSchema: start or resume an upload; GET: the stored bytes (shared/sync/scanUpload.ts). */
    scan: withParam('/api/scans/:scanId'),
    /** POST ?offset=N, application/octet-stream: append a chunk. */
    chunks: withParam('/api/scans/:scanId/chunks'),
  },
  learning: {
    /** POST, kiosk: a batch of search sessions. */
    sessions: '/api/learning/sessions',
    /** GET, every device of the center: the center's taught vocabulary (ETag on its version). */
    vocabulary: '/api/learning/vocabulary',
    /** GET ?limit=N, admin: the searches that found nothing or were abandoned, most frequent first. */
    unmatched: '/api/learning/unmatched',
    /** GET (what was taught) and POST (teach a phrase), admin. */
    taught: '/api/learning/taught',
    /** DELETE, admin: take a taught entry back. */
    taughtEntry: withParam('/api/learning/taught/:id'),
  },
  prereg: {
    /** POST a preregDraftSchema body, kiosk: 201 stored, 200 already stored (shared/prereg/preregDraft.ts). */
    drafts: '/api/prereg/drafts',
    /** GET, counter and admin devices of the draft's center: one draft (storedDraftSchema); 404 when missing, expired or another center's. */
    draft: withParam('/api/prereg/drafts/:id'),
    /** GET, the same by the short code printed on the kiosk's slip. */
    byCode: withParam('/api/prereg/codes/:code'),
  },
  public: {
    /**
     * GET ?code=LOOKUPCODE: a file's state by its number and the lookup code on its receipt
     * (publicFileStatusSchema); 400 on a malformed number or code, 404 when the number is unknown
     * or the code is not the file's.
     */
    fileStatus: withParam('/api/public/files/:number'),
    /**
     * POST a ratingPayloadSchema body (optionally ?center=CODE), no enrolment: 201 stored, 200
     * already stored. A rating about a file needs the file's lookup code (403 without).
     */
    ratings: '/api/public/ratings',
    /** GET: the waiting-room board of a center (shared/queue/queueBoard.ts: numbers only); 404 without a queue. */
    queueBoard: withParam('/api/public/queue/:center/board'),
    /** GET ?since=CURSOR: the board, then every change and call, as server-sent events. */
    queueBoardStream: withParam('/api/public/queue/:center/stream'),
  },
  /** The front desk (shared/queue/queueApi.ts): who may call each is in server/routes/queue.ts. */
  queue: {
    /** GET (any device): the center's queue settings, 404 when it has none; PUT (admin): a new revision. */
    settings: '/api/queue/settings',
    /** POST (kiosk): a number from the server. */
    tickets: '/api/queue/tickets',
    /** POST (counter): the server picks and calls the next number for this counter. */
    next: withParam('/api/queue/counters/:counter/next'),
    /** POST (kiosk, counter): events made on the device; GET (any device) ?day=&since=: the day's log after a cursor. */
    events: '/api/queue/events',
    /** GET (any device) ?day=&since=: the day's log after a cursor, then live, as server-sent events. */
    stream: '/api/queue/stream',
    /** GET (admin) ?from=&to=: the front desk's figures for a period. */
    figures: '/api/queue/figures',
    /** GET (admin), same query: the figures as CSV. */
    figuresCsv: '/api/queue/figures.csv',
  },
  /** POST a ratingPayloadSchema body with a device token: the rating counts for the device's center. */
  ratings: '/api/ratings',
  /** The shell's update feed (static files), outside /api. */
  updates: '/updates/',
} as const;
