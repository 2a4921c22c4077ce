/**
 * The queue settings as the admin's form holds them (lists as text, one item a line) and back:
 * what the form shows comes from the settings, what it saves is checked by the shared schema, each
 * problem with its translatable code and where it is.
 */
import { queueSettingsSchema, settingsIssueCode, type QueueSettings } from '../../../../shared/queue/queueSettings.ts';
import { err, ok, type Result } from '../../../../shared/result.ts';

export interface ServiceForm {
  id: string;
  prefix: string;
  name: string;
  nameEn: string;
  fields: string;
  procedureCodes: string;
  averageServeMinutes: string;
}

export interface CounterForm {
  number: string;
  name: string;
  services: string[];
}

export interface SettingsForm {
  services: ServiceForm[];
  counters: CounterForm[];
  priorityMode: 'first' | 'every';
  priorityEvery: string;
}

export interface FormProblem {
  code: string;
  /** Where, as "services.2.prefix". */
  path: string;
}

const lines = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((l) => l.trim())
    .filter(Boolean);

export function formOf(settings: QueueSettings): SettingsForm {
  return {
    services: settings.services.map((s) => ({
      id: s.id,
      prefix: s.prefix,
      name: s.name,
      nameEn: s.nameEn ?? '',
      fields: s.fields.join('\n'),
      procedureCodes: s.procedureCodes.join('\n'),
      averageServeMinutes: String(s.averageServeMinutes),
    })),
    counters: settings.counters.map((c) => ({ number: String(c.number), name: c.name, services: [...c.services] })),
    priorityMode: settings.priority.mode,
    priorityEvery: settings.priority.mode === 'every' ? String(settings.priority.every) : '3',
  };
}

export function settingsOf(form: SettingsForm): Result<QueueSettings, FormProblem[]> {
  const parsed = queueSettingsSchema.safeParse({
    format: 1,
    services: form.services.map((s) => ({
      id: s.id.trim(),
      prefix: s.prefix.trim().toUpperCase(),
      name: s.name,
      nameEn: s.nameEn.trim() || null,
      fields: lines(s.fields),
      procedureCodes: lines(s.procedureCodes),
      averageServeMinutes: Number(s.averageServeMinutes),
    })),
    counters: form.counters.map((c) => ({ number: Number(c.number), name: c.name, services: c.services })),
    priority: form.priorityMode === 'first' ? { mode: 'first' } : { mode: 'every', every: Number(form.priorityEvery) },
  });
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((i) => ({ code: settingsIssueCode(i.message), path: i.path.join('.') })));
}

/** A new service's id from its letter (stable, unique while letters are). */
export const newServiceId = (prefix: string, taken: readonly string[]): string => {
  const base = `dich-vu-${prefix.toLowerCase() || 'x'}`;
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
};
