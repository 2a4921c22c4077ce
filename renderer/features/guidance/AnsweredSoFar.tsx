/** "Ông/bà đã trả lời": each answer given so far, with a button to change it. */
import { useTranslation } from 'react-i18next';
import type { FlowPosition } from '../../../shared/guidance/flowEngine.ts';
import { localText } from './checklistLines.ts';

export function AnsweredSoFar({ answered, onChange }: { answered: FlowPosition['answered']; onChange(questionId: string): void }) {
  const { t, i18n } = useTranslation();
  if (answered.length === 0) return null;
  return (
    <section className="answered" aria-labelledby="answered-title" data-testid="answered">
      <h3 id="answered-title">{t('guidance.answered')}</h3>
      <ol>
        {answered.map(({ question, answer }) => (
          <li key={question.id}>
            <span className="answered-question">{localText(question.text, i18n.language)}</span>
            <span className="answered-answer">{localText(answer.text, i18n.language)}</span>
            <button type="button" className="button small-change" onClick={() => onChange(question.id)} data-testid={`change-${question.id}`}>
              {t('guidance.change')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
