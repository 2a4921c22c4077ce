/** One plain question with big answers to tap, the answers so far, and the ways out. */
import { useTranslation } from 'react-i18next';
import type { FlowPosition } from '../../../shared/guidance/flowEngine.ts';
import type { Flow, FlowQuestion } from '../../../shared/guidance/flowSchema.ts';
import type { Speech } from '../../platform/speech.ts';
import { ReadAloudButton } from '../accessibility/ReadAloudButton.tsx';
import { AnsweredSoFar } from './AnsweredSoFar.tsx';
import { localText } from './checklistLines.ts';

interface Props {
  flow: Flow;
  question: FlowQuestion;
  answered: FlowPosition['answered'];
  speech: Speech | undefined;
  onAnswer(answerId: string): void;
  onChange(questionId: string): void;
  onLeave(): void;
}

export function QuestionView({ flow, question, answered, speech, onAnswer, onChange, onLeave }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const text = localText(question.text, lang);
  const hint = question.hint ? localText(question.hint, lang) : null;
  const answers = question.answers.map((a) => ({ id: a.id, text: localText(a.text, lang) }));
  const spoken = [text, ...(hint ? [hint] : []), t('guidance.answersAre'), ...answers.map((a, i) => t('guidance.spokenAnswer', { n: i + 1, text: a.text }))];
  return (
    <section className="question-card" data-testid="flow-question" data-question={question.id} aria-labelledby="question-text">
      <div className="question-top">
        <p className="question-family">
          {localText(flow.title, lang)} · {t('guidance.questionNumber', { n: answered.length + 1 })}
        </p>
        <ReadAloudButton speech={speech} lines={spoken} />
      </div>
      <h2 id="question-text" className="question-text">
        {text}
      </h2>
      {hint && <p className="question-hint">{hint}</p>}
      <ul className="answer-list">
        {answers.map((a, i) => (
          <li key={a.id}>
            <button type="button" className="answer-button" onClick={() => onAnswer(a.id)} data-answer={a.id}>
              <span className="answer-number" aria-hidden="true">
                {i + 1}
              </span>
              <span>{a.text}</span>
            </button>
          </li>
        ))}
      </ul>
      <AnsweredSoFar answered={answered} onChange={onChange} />
      <div className="flow-exits">
        <button type="button" className="button" onClick={onLeave} data-testid="flow-leave">
          {t('guidance.leave')}
        </button>
      </div>
    </section>
  );
}
