/**
 * A question flow at the kiosk: the answers so far come from the address, so back, reload and
 * "change this answer" all work the same way. Where they lead: the next question, the checklist,
 * or (when this catalog lacks the outcome's procedure) the plain list of the family.
 */
import type { TFunction } from 'i18next';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import type { CenterEntryValues } from '../../../shared/centerList/centerList.ts';
import { effectiveFacts } from '../../../shared/centerList/effectiveFacts.ts';
import { describeEffectiveFee, describeEffectiveTime, describePlace } from '../procedure/effectiveFactsText.ts';
import type { CenterProcedureValues } from './checklistLines.ts';
import { useTranslation } from 'react-i18next';
import type { SearchEngine } from '../../../shared/catalog/searchTypes.ts';
import { changeAnswer, walkFlow, type FlowStep } from '../../../shared/guidance/flowEngine.ts';
import type { Flow } from '../../../shared/guidance/flowSchema.ts';
import { resolveOutcome } from '../../../shared/guidance/resolveOutcome.ts';
import type { Platform } from '../../platform/platform.ts';
import { ChecklistView } from './ChecklistView.tsx';
import { localText } from './checklistLines.ts';
import { FamilyList } from './FamilyList.tsx';
import { QuestionView } from './QuestionView.tsx';
import type { QueueFeature } from './queueSeam.ts';
import './guidance.css';

interface Props {
  flow: Flow;
  steps: FlowStep[];
  engine: SearchEngine;
  platform: Pick<Platform, 'printing' | 'speech'>;
  queue: QueueFeature;
  /** The center's own list (danh mục niêm yết): its fee, time and place win over the national catalog's. */
  centerEntries?: Readonly<Record<string, CenterEntryValues>>;
  /** Goes to the flow with these answers (a new address, so "back" returns here). */
  onSteps(steps: FlowStep[]): void;
  onLeave(): void;
  onOpenProcedure(code: string): void;
  /** Pre-register the checklist's procedure at the kiosk. */
  onPreregister?(code: string): void;
}

export function FlowScreen({ flow, steps, engine, platform, queue, centerEntries, onSteps, onLeave, onOpenProcedure, onPreregister }: Props) {
  const { t, i18n } = useTranslation();
  const walked = walkFlow(flow, steps);
  const change = (questionId: string) => onSteps(changeAnswer(steps, questionId));
  if (!walked.ok) {
    return (
      <div className="notice" role="alert" data-testid="flow-stale">
        <p>{t('guidance.stale')}</p>
        <button type="button" className="button primary" onClick={() => onSteps([])}>
          {t('guidance.restart')}
        </button>
      </div>
    );
  }
  const { node, answered } = walked.value;
  let content;
  if (node.kind === 'question') {
    content = (
      <QuestionView
        flow={flow}
        question={node.question}
        answered={answered}
        speech={platform.speech}
        onAnswer={(answerId) => onSteps([...steps, { question: node.question.id, answer: answerId }])}
        onChange={change}
        onLeave={onLeave}
      />
    );
  } else {
    const resolved = resolveOutcome(flow, node.outcome, (code) => engine.byCode(code));
    content =
      resolved.kind === 'checklist' ? (
        <ChecklistView
          resolved={resolved}
          answered={answered}
          platform={platform}
          queue={queue}
          center={centerValues(t, i18n.language, resolved.procedure, centerEntries?.[resolved.procedure.code])}
          onChange={change}
          onLeave={onLeave}
          onOpenProcedure={onOpenProcedure}
          {...(onPreregister ? { onPreregister } : {})}
        />
      ) : (
        <FamilyList
          flow={flow}
          procedures={resolved.family}
          fallbackFor={localText(node.outcome.title, i18n.language)}
          onOpen={onOpenProcedure}
          onRestart={() => onSteps([])}
        />
      );
  }
  return (
    <div className="flow-screen" data-testid="flow-screen" data-flow={flow.id}>
      {content}
    </div>
  );
}

/** The center's own values for the checklist, in words; only what its list sets (the rest stays the catalog's). */
function centerValues(t: TFunction, language: string, procedure: Procedure, entry: CenterEntryValues | undefined): CenterProcedureValues | undefined {
  if (!entry) return undefined;
  const facts = effectiveFacts(procedure, entry);
  const place = describePlace(facts.place);
  return {
    ...(facts.fee.source === 'center' ? { fee: describeEffectiveFee(t, facts.fee, language) } : {}),
    ...(facts.time.known && facts.time.source === 'center' ? { time: describeEffectiveTime(t, facts.time) } : {}),
    ...(facts.place.source === 'center' && place ? { place } : {}),
  };
}
