/**
 * A center's queue set-up as data (edited by its admin, kept per center on the server with a
 * revision): the services a number can be taken for (a prefix letter, the procedures or fields they
 * cover), the counters (desks) and which services each serves, and how priority numbers are served.
 * Every refusal names a translatable code (`queue.settings.error.*`) in the issue's message.
 */
import { z } from 'zod';

/**
 * Who may be served first (Law on the Elderly, Law on Persons with Disabilities, Ordinance on
 * people with meritorious services; Decree 61/2018 art. 20 lists them for one-stop desks).
 */
export const PRIORITY_CATEGORIES = ['elderly', 'disability', 'pregnant', 'smallChild', 'meritorious'] as const;
export const priorityCategorySchema = z.enum(PRIORITY_CATEGORIES);
export type PriorityCategory = z.infer<typeof priorityCategorySchema>;

export const serviceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,29}$/, 'queue.settings.error.serviceId');
export const counterNumberSchema = z.number().int().min(1).max(99);

export const queueServiceSchema = z.object({
  id: serviceIdSchema,
  /** The letter in front of its numbers ("A" in A023). */
  prefix: z.string().regex(/^[A-Z]$/, 'queue.settings.error.prefix'),
  /** As the kiosk and the display show it, in Vietnamese. */
  name: z.string().trim().min(1).max(80),
  nameEn: z.string().trim().min(1).max(80).nullable().default(null),
  /** Procedure codes this service takes; checked first. */
  procedureCodes: z.array(z.string().trim().min(1).max(40)).max(2000).default([]),
  /** Catalog fields (lĩnh vực) this service takes, for procedures not listed by code. */
  fields: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  /** Minutes a person usually takes at the desk: the wait estimate before today has its own figures. */
  averageServeMinutes: z.number().int().min(1).max(240).default(10),
});
export type QueueService = z.infer<typeof queueServiceSchema>;

export const queueCounterSchema = z.object({
  number: counterNumberSchema,
  /** As the display shows it ("Quầy 2 – Hộ tịch"). */
  name: z.string().trim().min(1).max(60),
  services: z.array(serviceIdSchema).min(1).max(26),
});
export type QueueCounter = z.infer<typeof queueCounterSchema>;

/**
 * `first`: a waiting priority number is always called before ordinary ones.
 * `every`: a counter calls one priority number after every `every` ordinary ones (when one waits).
 */
export const priorityRuleSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('first') }),
  z.object({ mode: z.literal('every'), every: z.number().int().min(1).max(50) }),
]);
export type PriorityRule = z.infer<typeof priorityRuleSchema>;

export const QUEUE_SETTINGS_FORMAT = 1;

export const queueSettingsSchema = z
  .object({
    /** The format of this JSON (not the center's revision, which the server counts). */
    format: z.literal(QUEUE_SETTINGS_FORMAT),
    services: z.array(queueServiceSchema).min(1).max(26),
    counters: z.array(queueCounterSchema).min(1).max(99),
    priority: priorityRuleSchema,
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], code: string, detail: string) => ctx.addIssue({ code: 'custom', path, message: `queue.settings.error.${code}: ${detail}` });
    const ids = new Set<string>();
    const prefixes = new Set<string>();
    const codeOwner = new Map<string, string>();
    const fieldOwner = new Map<string, string>();
    s.services.forEach((service, i) => {
      if (ids.has(service.id)) issue(['services', i, 'id'], 'duplicateService', `service "${service.id}" is listed twice`);
      if (prefixes.has(service.prefix)) issue(['services', i, 'prefix'], 'duplicatePrefix', `letter ${service.prefix} is used by two services`);
      ids.add(service.id);
      prefixes.add(service.prefix);
      for (const code of service.procedureCodes) {
        const owner = codeOwner.get(code);
        if (owner && owner !== service.id) issue(['services', i, 'procedureCodes'], 'procedureTwice', `procedure ${code} is in "${owner}" and "${service.id}"`);
        codeOwner.set(code, service.id);
      }
      for (const field of service.fields) {
        const owner = fieldOwner.get(field);
        if (owner && owner !== service.id) issue(['services', i, 'fields'], 'fieldTwice', `field "${field}" is in "${owner}" and "${service.id}"`);
        fieldOwner.set(field, service.id);
      }
    });
    const numbers = new Set<number>();
    const served = new Set<string>();
    s.counters.forEach((counter, i) => {
      if (numbers.has(counter.number)) issue(['counters', i, 'number'], 'duplicateCounter', `counter ${counter.number} is listed twice`);
      numbers.add(counter.number);
      counter.services.forEach((id, j) => {
        if (!ids.has(id)) issue(['counters', i, 'services', j], 'unknownService', `counter ${counter.number} serves "${id}", which is not a service`);
        served.add(id);
      });
    });
    // A number taken for a service no desk serves would wait for ever.
    s.services.forEach((service, i) => {
      if (!served.has(service.id)) issue(['services', i], 'unservedService', `no counter serves "${service.id}"`);
    });
  });
export type QueueSettings = z.infer<typeof queueSettingsSchema>;
/** What an admin writes (defaults not yet applied). */
export type QueueSettingsInput = z.input<typeof queueSettingsSchema>;

/** Settings as the server keeps them: `revision` counts the center's saves. */
export const storedQueueSettingsSchema = z.object({
  revision: z.number().int().positive(),
  savedAt: z.string(),
  settings: queueSettingsSchema,
});
export type StoredQueueSettings = z.infer<typeof storedQueueSettingsSchema>;

/** The translatable code of a settings issue (the part of its message before ":"), for the admin screen. */
export function settingsIssueCode(message: string): string {
  const m = /^(queue\.settings\.error\.[A-Za-z]+)/.exec(message);
  return m ? m[1]! : 'queue.settings.error.invalid';
}

/**
 * The service that takes a procedure: listed by code first, then by its field, then a service that
 * lists nothing (a catch-all), if the center has one.
 */
export function serviceForProcedure(settings: QueueSettings, procedure: { code: string; field: string | null }): QueueService | null {
  return (
    settings.services.find((s) => s.procedureCodes.includes(procedure.code)) ??
    (procedure.field === null ? undefined : settings.services.find((s) => s.fields.includes(procedure.field!))) ??
    settings.services.find((s) => s.procedureCodes.length === 0 && s.fields.length === 0) ??
    null
  );
}

export const serviceById = (settings: QueueSettings, id: string): QueueService | null => settings.services.find((s) => s.id === id) ?? null;
export const serviceByPrefix = (settings: QueueSettings, prefix: string): QueueService | null => settings.services.find((s) => s.prefix === prefix) ?? null;
export const counterByNumber = (settings: QueueSettings, n: number): QueueCounter | null => settings.counters.find((c) => c.number === n) ?? null;
