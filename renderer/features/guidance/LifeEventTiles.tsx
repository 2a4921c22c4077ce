/** Home screen tiles named for what happened in a person's life ("Gia đình có người mất"), each starting its flow. */
import { useTranslation } from 'react-i18next';
import type { Flow } from '../../../shared/guidance/flowSchema.ts';
import { localText } from './checklistLines.ts';
import './guidance.css';

export function LifeEventTiles({ flows, onStart }: { flows: readonly Flow[]; onStart(flowId: string): void }) {
  const { t, i18n } = useTranslation();
  const withTile = flows.flatMap((f) => (f.lifeEvent ? [{ id: f.id, label: localText(f.lifeEvent, i18n.language) }] : []));
  if (withTile.length === 0) return null;
  return (
    <section aria-labelledby="life-events-title" data-testid="life-events">
      <h2 className="section-title" id="life-events-title">
        {t('guidance.lifeEvents')}
      </h2>
      <ul className="life-event-grid">
        {withTile.map((tile) => (
          <li key={tile.id}>
            <button type="button" className="life-event" onClick={() => onStart(tile.id)} data-flow={tile.id}>
              {tile.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
