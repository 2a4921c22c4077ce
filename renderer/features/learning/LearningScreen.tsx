/**
 * A center admin's "Câu tìm kiếm chưa có kết quả": what citizens typed at the center's kiosks in
 * the last 90 days and did not find (or gave up on), most frequent first, each with a button to
 * teach the kiosks what it means; and what was taught, with who taught it and a way to take it
 * back. Read from the server (the counts are the whole center's), so it needs the link and an
 * admin's device; either missing is said plainly.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLED_LEXICONS } from '../../../shared/catalog/language/bundledLexicons.ts';
import type { SearchEngine } from '../../../shared/catalog/searchTypes.ts';
import type { LearnedEntry } from '../../../shared/learning/centerVocabulary.ts';
import type { TaughtAnswer, UnmatchedAnswer, UnmatchedQuery } from '../../../shared/learning/learningApi.ts';
import { VIETNAM_TIME } from '../../../shared/files/vietnamTime.ts';
import type { DeviceIdentity, MotcuaDb, StaffMember } from '../../data/db.ts';
import type { ApiFailure } from '../../sync/apiClient.ts';
import { fetchTaught, fetchUnmatched, takeBackPhrase } from '../../sync/learningClient.ts';
import { learningFailureWords } from './learningFailureWords.ts';
import { pullVocabulary } from '../../sync/vocabularyPull.ts';
import { conceptLabel } from './teachForm.ts';
import { TeachDialog } from './TeachDialog.tsx';
import './learning.css';
import type { TokenVault } from '../../security/dataKey.ts';

interface Props {
  db: MotcuaDb;
  engine: SearchEngine;
  device: DeviceIdentity;
  staff: StaffMember;
  /** The device token's vault, to pull the vocabulary after teaching. */
  tokens: TokenVault;
}

type Loaded = { state: 'loading' } | { state: 'error'; error: ApiFailure } | { state: 'ready'; unmatched: UnmatchedAnswer; taught: TaughtAnswer };

async function loadLearning(serverUrl: string, token: string): Promise<Loaded> {
  const [unmatched, taught] = await Promise.all([fetchUnmatched({ serverUrl, token }), fetchTaught({ serverUrl, token })]);
  if (!unmatched.ok) return { state: 'error', error: unmatched.error };
  if (!taught.ok) return { state: 'error', error: taught.error };
  return { state: 'ready', unmatched: unmatched.value, taught: taught.value };
}

const when = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: VIETNAM_TIME, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function LearningScreen({ db, engine, device, staff, tokens }: Props) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [teaching, setTeaching] = useState<UnmatchedQuery | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const link = { serverUrl: device.serverUrl, token: device.token };

  const load = useCallback(() => loadLearning(device.serverUrl, device.token).then(setLoaded), [device.serverUrl, device.token]);
  useEffect(() => {
    let cancelled = false;
    void loadLearning(device.serverUrl, device.token).then((l) => !cancelled && setLoaded(l));
    return () => {
      cancelled = true;
    };
  }, [device.serverUrl, device.token]);

  const targetText = (entry: LearnedEntry) => {
    if (entry.sameAs) {
      const concept = BUNDLED_LEXICONS.vi.entries.find((e) => e.id === entry.sameAs);
      return t('learning.taught.concept', { concept: concept ? conceptLabel(concept) : entry.sameAs });
    }
    return entry.procedures.map((code) => `${code} ${engine.byCode(code)?.name ?? ''}`.trim()).join('; ');
  };

  const takeBack = async (entry: LearnedEntry) => {
    setNotice(null);
    const removed = await takeBackPhrase(link, entry.id);
    if (!removed.ok) {
      setNotice({ ok: false, text: learningFailureWords(removed.error, t) });
      return;
    }
    setNotice({ ok: true, text: t('learning.takenBack', { phrase: entry.say[0], version: removed.value.version }) });
    await pullVocabulary(db, tokens);
    await load();
  };

  return (
    <section className="panel learning" data-testid="learning">
      <div className="learning-head">
        <h2>{t('learning.title')}</h2>
        <button type="button" className="button" onClick={() => void load()} data-testid="learning-reload">
          {t('learning.reload')}
        </button>
      </div>
      <p className="muted">{t('learning.intro', { days: loaded.state === 'ready' ? loaded.unmatched.retentionDays : 90 })}</p>
      {notice && (
        <p className={notice.ok ? 'banner success' : 'banner error'} role="status" data-testid="learning-notice">
          {notice.text}
        </p>
      )}
      {loaded.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {loaded.state === 'error' && (
        <p className="banner warning" role="alert" data-testid="learning-error">
          {learningFailureWords(loaded.error, t)}
        </p>
      )}
      {loaded.state === 'ready' && (
        <>
          {loaded.unmatched.queries.length === 0 ? (
            <p className="muted" data-testid="unmatched-empty">
              {t('learning.none')}
            </p>
          ) : (
            <table className="learning-table" data-testid="unmatched">
              <thead>
                <tr>
                  <th>{t('learning.column.query')}</th>
                  <th className="num">{t('learning.column.count')}</th>
                  <th className="num">{t('learning.column.none')}</th>
                  <th className="num">{t('learning.column.abandoned')}</th>
                  <th>{t('learning.column.lastSeen')}</th>
                  <th aria-label={t('learning.column.action')} />
                </tr>
              </thead>
              <tbody>
                {loaded.unmatched.queries.map((q) => (
                  <tr key={q.key} data-key={q.key}>
                    <td className="learning-query">{q.text}</td>
                    <td className="num" data-count>
                      {q.count}
                    </td>
                    <td className="num">{q.none}</td>
                    <td className="num">{q.abandoned}</td>
                    <td>{when(q.lastSeen)}</td>
                    <td>
                      <button type="button" className="button primary small-button" onClick={() => setTeaching(q)} data-teach={q.key}>
                        {t('learning.teachButton')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h3>{t('learning.taught.title', { version: loaded.taught.version })}</h3>
          {loaded.taught.entries.length === 0 ? (
            <p className="muted">{t('learning.taught.none')}</p>
          ) : (
            <table className="learning-table" data-testid="taught">
              <thead>
                <tr>
                  <th>{t('learning.taught.phrases')}</th>
                  <th>{t('learning.taught.target')}</th>
                  <th>{t('learning.taught.by')}</th>
                  <th aria-label={t('learning.column.action')} />
                </tr>
              </thead>
              <tbody>
                {loaded.taught.entries.map(({ entry, taughtAt, taughtBy }) => (
                  <tr key={entry.id} data-entry={entry.id}>
                    <td className="learning-query">{entry.say.join(' · ')}</td>
                    <td>{targetText(entry)}</td>
                    <td>
                      {taughtBy ?? '—'}
                      <br />
                      <span className="muted small">{when(taughtAt)}</span>
                    </td>
                    <td>
                      <button type="button" className="button small-button" onClick={() => void takeBack(entry)} data-take-back={entry.id}>
                        {t('learning.takeBack')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {teaching && loaded.state === 'ready' && (
        <TeachDialog
          query={teaching}
          all={loaded.unmatched.queries}
          engine={engine}
          device={device}
          staff={staff}
          onClose={() => setTeaching(null)}
          onTaught={(answer) => {
            setTeaching(null);
            setNotice({ ok: true, text: t('learning.taughtNotice', { phrase: answer.entry.say[0], version: answer.version }) });
            // This device searches with it at once; kiosks take it at their next pull.
            void pullVocabulary(db, tokens).then(load);
          }}
        />
      )}
    </section>
  );
}
