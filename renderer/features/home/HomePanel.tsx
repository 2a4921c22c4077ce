/** What the kiosk shows before anything is typed: the most common procedures as big tiles, then fields. */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchEngine } from '../../../shared/catalog/searchTypes.ts';
import type { CitizenField } from '../browse/citizenFields.ts';
import { whenIdle } from '../../app/idleWork.ts';
import { POPULAR_TILES } from './popularProcedures.ts';
import './home.css';

interface Props {
  engine: SearchEngine;
  fields: CitizenField[];
  onOpen(code: string): void;
  onQuery(query: string): void;
  onField(field: string): void;
  onAllFields(): void;
  /** The kiosk's status lookup and satisfaction rating, above the procedures. */
  onLookup(): void;
  onRate(): void;
  /** Old → new address lookup. */
  onAddress(): void;
  /** Pre-registration before the counter (renderer/features/prereg); absent on a kiosk not enrolled with its center. */
  onPreregister?: () => void;
  /** Take a queue number; absent while this kiosk cannot give numbers. */
  onTakeNumber?: () => void;
  /** Tiles named for life events (a death, a birth, a wedding), each opening its question flow. */
  lifeEvents?: ReactNode;
}

const HOME_FIELDS = 8;

export function HomePanel({ engine, fields, onOpen, onQuery, onField, onAllFields, onLookup, onRate, onAddress, onPreregister, lifeEvents, onTakeNumber }: Props) {
  const { t } = useTranslation();
  // Which tiles this catalog can answer is worked out once per catalog: a tile whose procedure is
  // there at once; one that needs a search is shown meanwhile (the national catalog answers them
  // all) and taken away only if its search finds nothing, at a quiet moment after the first screen,
  // so the home screen never waits for those searches and nothing moves on it in the usual case.
  const byCode = useMemo(() => new Set(POPULAR_TILES.filter((tile) => tile.code && engine.byCode(tile.code)).map((tile) => tile.id)), [engine]);
  const [unanswered, setUnanswered] = useState<{ engine: SearchEngine; ids: Set<string> } | null>(null);
  useEffect(
    () =>
      whenIdle(() => {
        const ids = POPULAR_TILES.filter((tile) => !byCode.has(tile.id) && engine.search(tile.query, { limit: 1 }).kind !== 'match').map((tile) => tile.id);
        setUnanswered({ engine, ids: new Set(ids) });
      }),
    [engine, byCode],
  );
  const dropped = unanswered?.engine === engine ? unanswered.ids : null;
  const tiles = POPULAR_TILES.filter((tile) => byCode.has(tile.id) || !dropped?.has(tile.id)).map((tile) => ({
    ...tile,
    open: () => (byCode.has(tile.id) ? onOpen(tile.code) : onQuery(tile.query)),
  }));
  return (
    <div className="home" data-testid="home">
      <div className="home-actions">
        {onTakeNumber && (
          <button type="button" className="home-action primary" onClick={onTakeNumber} data-testid="home-take-number">
            <span aria-hidden="true">#</span> {t('queue.kiosk.homeTile')}
          </button>
        )}
        <button type="button" className="home-action primary" onClick={onLookup} data-testid="home-lookup">
          <span aria-hidden="true">▣</span> {t('lookup.homeTile')}
        </button>
        <button type="button" className="home-action" onClick={onRate} data-testid="home-rate">
          <span aria-hidden="true">☺</span> {t('lookup.rateTile')}
        </button>
        <button type="button" className="home-action" onClick={onAddress} data-testid="home-address">
          <span aria-hidden="true">⌂</span> {t('address.homeTile')}
        </button>
        {onPreregister && (
          <button type="button" className="home-action" onClick={onPreregister} data-testid="home-prereg">
            <span aria-hidden="true">✎</span> {t('prereg.homeAction')}
          </button>
        )}
      </div>
      {lifeEvents}
      <h2 className="section-title">{t('home.popular')}</h2>
      <ul className="tile-grid" data-checked={dropped ? 'true' : 'false'}>
        {tiles.map((tile) => (
          <li key={tile.id}>
            <button type="button" className="tile" onClick={tile.open} data-tile={tile.id}>
              {t(`home.tiles.${tile.id}`)}
            </button>
          </li>
        ))}
      </ul>
      <h2 className="section-title">{t('home.fields')}</h2>
      <ul className="field-grid">
        {fields.slice(0, HOME_FIELDS).map((f) => (
          <li key={f.field}>
            <button type="button" className="field-tile" onClick={() => onField(f.field)}>
              <span>{f.field}</span>
              <span className="count">{t('home.procedureCount', { count: f.count })}</span>
            </button>
          </li>
        ))}
        {fields.length > HOME_FIELDS && (
          <li>
            <button type="button" className="field-tile more" onClick={onAllFields}>
              {t('home.allFields', { count: fields.length })}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
