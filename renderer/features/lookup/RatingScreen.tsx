/**
 * One-tap satisfaction rating at the kiosk: four big faces, optional reason chips chosen before the
 * tap, then thanks. The rating is stored on the kiosk first and sent when there is a link.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MotcuaDb } from '../../data/db.ts';
import { saveRating, type NewRating } from '../../data/ratingQueue.ts';
import { drainRatings } from '../../sync/ratingSender.ts';
import type { TokenVault } from '../../security/dataKey.ts';
import { RatingFace } from './RatingFace.tsx';
import './lookup.css';

/** Best first, as the citizen reads them; the score is what the center's figures count. */
const SCORES: NewRating['score'][] = [4, 3, 2, 1];
/** Stable codes (the figures may count them); the words come from the locale. */
const REASONS = ['caring', 'fast', 'longWait', 'noGuidance'] as const;
/** The thank-you screen goes home on its own after this long. */
const THANKS_MS = 8_000;

interface Props {
  db: MotcuaDb;
  serverUrl: string;
  /** The device token's vault: an enrolled kiosk sends its ratings with its token. */
  tokens: TokenVault;
  /** The file the rating is about, or null for the visit. */
  fileNumber: string | null;
  /** The lookup code the file was looked up with (sent with the rating, so an anonymous kiosk's rating counts). */
  lookupCode: string | null;
  onDone(): void;
}

export function RatingScreen({ db, serverUrl, tokens, fileNumber, lookupCode, onDone }: Props) {
  const { t } = useTranslation();
  const [reasons, setReasons] = useState<string[]>([]);
  const [phase, setPhase] = useState<'asking' | 'saving' | 'thanks' | 'failed'>('asking');

  useEffect(() => {
    if (phase !== 'thanks') return;
    const timer = window.setTimeout(onDone, THANKS_MS);
    return () => window.clearTimeout(timer);
  }, [phase, onDone]);

  const rate = async (score: NewRating['score']) => {
    if (phase !== 'asking') return;
    setPhase('saving');
    try {
      await saveRating(db, { fileNumber, score, reasons, ...(lookupCode ? { lookupCode } : {}) });
    } catch {
      return setPhase('failed');
    }
    setPhase('thanks');
    void drainRatings(db, serverUrl, tokens);
  };

  if (phase === 'thanks' || phase === 'failed') {
    return (
      <div className="rating-thanks" data-testid={phase === 'thanks' ? 'rating-thanks' : 'rating-failed'} role="status">
        {phase === 'thanks' && <RatingFace score={4} size={120} />}
        <h2>{phase === 'thanks' ? t('lookup.rating.thanks') : t('lookup.rating.failed')}</h2>
        {phase === 'thanks' && <p>{t('lookup.rating.thanksDetail')}</p>}
        <button type="button" className="button primary big" onClick={onDone} data-testid="rating-home">
          {t('nav.home')}
        </button>
      </div>
    );
  }

  return (
    <div className="rating" data-testid="rating">
      <h2 className="lookup-title">{t('lookup.rating.question')}</h2>
      {fileNumber && <p className="lookup-number">{t('lookup.fileNumber', { number: fileNumber })}</p>}
      <div className="rating-reasons" role="group" aria-label={t('lookup.rating.reasonsLabel')}>
        <p className="lookup-hint">{t('lookup.rating.reasonsHint')}</p>
        <div className="rating-chips">
          {REASONS.map((reason) => {
            const on = reasons.includes(reason);
            return (
              <button
                key={reason}
                type="button"
                className={`chip-button rating-chip${on ? ' on' : ''}`}
                aria-pressed={on}
                onClick={() => setReasons((r) => (on ? r.filter((x) => x !== reason) : [...r, reason]))}
                data-reason={reason}
              >
                {on ? '✓ ' : ''}
                {t(`lookup.rating.reasons.${reason}`)}
              </button>
            );
          })}
        </div>
      </div>
      <div className="rating-faces">
        {SCORES.map((score) => (
          <button
            key={score}
            type="button"
            className={`rating-face score-${score}`}
            onClick={() => void rate(score)}
            disabled={phase !== 'asking'}
            data-score={score}
          >
            <RatingFace score={score} size={96} />
            <span>{t(`lookup.rating.score.${score}`)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
