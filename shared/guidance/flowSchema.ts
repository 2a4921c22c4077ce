/**
 * The shape of a question flow: a few plain questions that lead a citizen from a family of
 * procedures (khai tử, kết hôn, ...) to the one variant that fits, and from there to the documents
 * that apply. Flows are data (shared/guidance/flows/*.json), edited by people who do not write
 * TypeScript, so every file is checked here before use; a broken one is refused with a reason.
 * Outcome-centred, as in gov.uk's smart-answers: each outcome is a procedure code plus the documents
 * that apply on the way there, so two outcomes may share a code with different documents.
 */
import { z } from 'zod';
import { procedureCodeSchema } from '../catalog/procedure.ts';

/** Text shown to citizens, Vietnamese first and English complete (the kiosk switches languages). */
export const localTextSchema = z.object({
  vi: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalText = z.infer<typeof localTextSchema>;

/** Ids become part of the kiosk's address (#/flow/khai-tu/status=new), so they stay URL-plain. */
const idSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'an id is lowercase letters, digits and dashes');

export const flowAnswerSchema = z.object({
  id: idSchema,
  text: localTextSchema,
  /** A question id or an outcome id of the same flow. */
  next: idSchema,
});
export type FlowAnswer = z.infer<typeof flowAnswerSchema>;

export const flowQuestionSchema = z.object({
  id: idSchema,
  text: localTextSchema,
  /** One line under the question, e.g. what "khu vực biên giới" means. */
  hint: localTextSchema.optional(),
  answers: z.array(flowAnswerSchema).min(2).max(5),
});
export type FlowQuestion = z.infer<typeof flowQuestionSchema>;

/**
 * One document of the personal checklist. `match` finds it in the catalog record (folded words,
 * alternatives tried in order) so the counts of originals and copies come from the catalog itself;
 * `label` says it in a few plain words, the catalog's legal wording stays one tap away.
 */
export const flowDocumentSchema = z.object({
  match: z.array(z.string().trim().min(3)).min(1),
  label: localTextSchema,
  /** The application form (tờ khai): listed first, with where to get it. */
  form: z.boolean().optional(),
  /** Where to get it, when that is not obvious (forms default to "at the counter"). */
  where: localTextSchema.optional(),
});
export type FlowDocument = z.infer<typeof flowDocumentSchema>;

/** At most 8 documents, so fee, time, place and what comes next still fit 12 lines. */
export const MAX_CHECKLIST_DOCUMENTS = 8;

export const flowOutcomeSchema = z.object({
  id: idSchema,
  /** A short, plain name for the variant ("Khai tử cho người nước ngoài ở khu vực biên giới"). */
  title: localTextSchema,
  code: procedureCodeSchema,
  documents: z.array(flowDocumentSchema).max(MAX_CHECKLIST_DOCUMENTS),
  /** What happens after handing the file in, or a warning that fits this case. */
  next: localTextSchema.optional(),
  /**
   * The procedure belongs to another family and is reached from here for convenience (a copy of an
   * extract, a marital-status certificate): its page and search hits do not offer this flow.
   */
  related: z.boolean().optional(),
});
export type FlowOutcome = z.infer<typeof flowOutcomeSchema>;

export const FLOW_FORMAT = 'motcua-flow';

export const flowSchema = z
  .object({
    format: z.literal(FLOW_FORMAT),
    /** Grows with every change of the file; a kiosk address from an older version simply restarts. */
    version: z.number().int().positive(),
    id: idSchema,
    /** The family, e.g. "Đăng ký khai tử". */
    title: localTextSchema,
    /** The home screen's life-event tile ("Gia đình có người mất"); no tile without it. */
    lifeEvent: localTextSchema.optional(),
    start: idSchema,
    questions: z.array(flowQuestionSchema).min(1),
    outcomes: z.array(flowOutcomeSchema).min(1),
    /** Other procedures of the family that no outcome leads to (e.g. the mobile variant), so their pages offer the flow too. */
    alsoFor: z.array(procedureCodeSchema).default([]),
  })
  .superRefine((flow, ctx) => {
    const ids = new Set<string>();
    for (const node of [...flow.questions, ...flow.outcomes]) {
      if (ids.has(node.id)) ctx.addIssue({ code: 'custom', message: `id "${node.id}" is used twice` });
      ids.add(node.id);
    }
    if (!flow.questions.some((q) => q.id === flow.start)) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: `start "${flow.start}" is not a question` });
    }
    for (const q of flow.questions) {
      const answerIds = new Set<string>();
      for (const a of q.answers) {
        if (answerIds.has(a.id)) ctx.addIssue({ code: 'custom', message: `question "${q.id}" has answer "${a.id}" twice` });
        answerIds.add(a.id);
        if (!ids.has(a.next)) ctx.addIssue({ code: 'custom', message: `answer "${q.id}/${a.id}" leads to "${a.next}", which does not exist` });
      }
    }
  });
export type Flow = z.infer<typeof flowSchema>;
export type FlowNode = { kind: 'question'; question: FlowQuestion } | { kind: 'outcome'; outcome: FlowOutcome };
