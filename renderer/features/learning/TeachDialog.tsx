/**
 * Teaching the kiosks one phrase citizens use: the phrasings (the citizen's search, trimmed to
 * the words that matter, and at least one other way people say it), and what it points at: the
 * procedure(s), found with the same search engine, or an existing concept. The server proves the
 * mapping with a real search before it accepts it; its refusal is shown here in plain words.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUNDLED_LEXICONS } from '../../../shared/catalog/language/bundledLexicons.ts';
import type { SearchEngine } from '../../../shared/catalog/searchTypes.ts';
import type { TeachAnswer, UnmatchedQuery } from '../../../shared/learning/learningApi.ts';
import { conceptProcedures } from '../../../shared/learning/teachPhrase.ts';
import type { DeviceIdentity, StaffMember } from '../../data/db.ts';
import type { ApiFailure } from '../../sync/apiClient.ts';
import { teachPhrase } from '../../sync/learningClient.ts';
import { learningFailureWords } from './learningFailureWords.ts';
import { conceptLabel, findConcepts, relatedQueries, requestOf, type FormProblem, type TeachForm } from './teachForm.ts';

interface Props {
  query: UnmatchedQuery;
  all: readonly UnmatchedQuery[];
  engine: SearchEngine;
  device: DeviceIdentity;
  staff: StaffMember;
  onTaught(answer: TeachAnswer): void;
  onClose(): void;
}

const MAX_CODES = 5;
const MAX_PHRASES = 6;

export function TeachDialog({ query, all, engine, device, staff, onTaught, onClose }: Props) {
  const { t } = useTranslation();
  const lexicon = BUNDLED_LEXICONS.vi;
  const [form, setForm] = useState<TeachForm>({ phrases: [query.text, ''], target: { kind: 'procedures', codes: [] }, query: query.text });
  const [search, setSearch] = useState('');
  const [problem, setProblem] = useState<{ kind: 'form'; problem: FormProblem } | { kind: 'failed'; failure: ApiFailure } | null>(null);
  const [busy, setBusy] = useState(false);
  const related = useMemo(() => relatedQueries(query, all, lexicon), [query, all, lexicon]);
  const procedureHits = useMemo(() => (form.target.kind === 'procedures' && search.trim() !== '' ? engine.search(search, { limit: 8 }).hits : []), [engine, search, form.target.kind]);
  const concepts = useMemo(() => (form.target.kind === 'concept' ? findConcepts(search, lexicon) : []), [search, lexicon, form.target.kind]);
  const nameOf = (code: string) => engine.byCode(code)?.name ?? code;

  const setPhrase = (i: number, text: string) => {
    setProblem(null);
    setForm((f) => ({ ...f, phrases: f.phrases.map((p, k) => (k === i ? text : p)) }));
  };
  const addPhrase = (text = '') =>
    setForm((f) => {
      const empty = f.phrases.findIndex((p, k) => k > 0 && p.trim() === '');
      if (text !== '' && empty >= 0) return { ...f, phrases: f.phrases.map((p, k) => (k === empty ? text : p)) };
      return f.phrases.length >= MAX_PHRASES ? f : { ...f, phrases: [...f.phrases, text] };
    });
  const toggleCode = (code: string) => {
    setProblem(null);
    // Chosen: the list of candidates gives way to the choice, so the dialog fits the screen.
    setSearch('');
    setForm((f) => {
      if (f.target.kind !== 'procedures') return f;
      const codes = f.target.codes.includes(code) ? f.target.codes.filter((c) => c !== code) : [...f.target.codes, code].slice(0, MAX_CODES);
      return { ...f, target: { kind: 'procedures', codes } };
    });
  };

  const submit = async () => {
    setProblem(null);
    const request = requestOf(form, { staffId: staff.id, staffName: staff.name });
    if (!request.ok) {
      setProblem({ kind: 'form', problem: request.error });
      return;
    }
    setBusy(true);
    const answer = await teachPhrase({ serverUrl: device.serverUrl, token: device.token }, request.value);
    setBusy(false);
    if (answer.ok) onTaught(answer.value);
    else setProblem({ kind: 'failed', failure: answer.error });
  };

  const problemText = (() => {
    if (!problem) return null;
    if (problem.kind === 'form') return t(`learning.form.${problem.problem}`);
    return learningFailureWords(problem.failure, t);
  })();

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="teach-title" data-testid="teach-dialog">
      <div className="overlay-card teach-card">
        <h2 id="teach-title">{t('learning.teach.title')}</h2>
        <p className="teach-query">
          {t('learning.teach.typed')} <strong data-testid="teach-query">“{query.text}”</strong> · {t('learning.times', { count: query.count })}
        </p>

        <fieldset className="field">
          <legend>{t('learning.teach.phrases')}</legend>
          <p className="muted small">{t('learning.teach.phrasesHint')}</p>
          {form.phrases.map((phrase, i) => (
            <input
              key={i}
              className="input"
              value={phrase}
              aria-label={t('learning.teach.phraseLabel', { n: i + 1 })}
              placeholder={i === 0 ? '' : t('learning.teach.otherPlaceholder')}
              onChange={(e) => setPhrase(i, e.target.value)}
              data-testid={`teach-phrase-${i}`}
            />
          ))}
          <div className="teach-row">
            <button type="button" className="button small-button" disabled={form.phrases.length >= MAX_PHRASES} onClick={() => addPhrase()} data-testid="teach-add-phrase">
              {t('learning.teach.addPhrase')}
            </button>
            {related.length > 0 && <span className="muted small">{t('learning.teach.related')}</span>}
            {related.map((r) => (
              <button key={r.key} type="button" className="chip-button" onClick={() => addPhrase(r.text)} data-related={r.key}>
                {r.text}
              </button>
            ))}
          </div>
        </fieldset>

        <fieldset className="field">
          <legend>{t('learning.teach.target')}</legend>
          <div className="segmented">
            {(['procedures', 'concept'] as const).map((kind) => (
              <button
                key={kind}
                type="button"
                className={`button${form.target.kind === kind ? ' active' : ''}`}
                aria-pressed={form.target.kind === kind}
                onClick={() => setForm((f) => ({ ...f, target: kind === 'procedures' ? { kind, codes: [] } : { kind, id: null } }))}
                data-target-kind={kind}
              >
                {t(`learning.teach.kind.${kind}`)}
              </button>
            ))}
          </div>
          <input
            className="input"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t(form.target.kind === 'procedures' ? 'learning.teach.searchProcedure' : 'learning.teach.searchConcept')}
            aria-label={t(form.target.kind === 'procedures' ? 'learning.teach.searchProcedure' : 'learning.teach.searchConcept')}
            data-testid="teach-search"
          />
          {form.target.kind === 'procedures' && form.target.codes.length > 0 && (
            <ul className="teach-chosen" data-testid="teach-chosen">
              {form.target.codes.map((code) => (
                <li key={code}>
                  <span>
                    <strong>{code}</strong> {nameOf(code)}
                  </span>
                  <button type="button" className="button small-button" onClick={() => toggleCode(code)} aria-label={t('learning.teach.remove', { name: nameOf(code) })}>
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
          {form.target.kind === 'concept' && form.target.id !== null && (
            <p className="teach-chosen-concept" data-testid="teach-chosen">
              {conceptLabel(lexicon.entries.find((e) => e.id === (form.target as { id: string }).id)!)}
            </p>
          )}
          <ul className="pick-list teach-picks">
            {procedureHits.map((h) => (
              <li key={h.code}>
                <button type="button" className={`button pick${form.target.kind === 'procedures' && form.target.codes.includes(h.code) ? ' active' : ''}`} onClick={() => toggleCode(h.code)} data-code={h.code}>
                  <strong>{h.code}</strong> {h.name}
                </button>
              </li>
            ))}
            {concepts.map((c) => (
              <li key={c.id}>
                <button type="button" className={`button pick${form.target.kind === 'concept' && form.target.id === c.id ? ' active' : ''}`} onClick={() => {
                    setProblem(null);
                    setSearch('');
                    setForm((f) => ({ ...f, target: { kind: 'concept', id: c.id } }));
                  }} data-concept={c.id}>
                  {conceptLabel(c)}
                  <span className="muted small"> → {conceptProcedures(c).slice(0, 2).map(nameOf).join('; ')}</span>
                </button>
              </li>
            ))}
          </ul>
        </fieldset>

        {problemText && (
          <p className="field-error" role="alert" data-testid="teach-problem">
            {problemText}
          </p>
        )}
        <div className="admin-actions">
          <button type="button" className="button" onClick={onClose} data-testid="teach-cancel">
            {t('learning.teach.cancel')}
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => void submit()} data-testid="teach-submit">
            {busy ? t('learning.teach.busy') : t('learning.teach.submit')}
          </button>
        </div>
      </div>
    </div>
  );
}
