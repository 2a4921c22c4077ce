/**
 * Everything a citizen must know about one procedure, in large type: what to bring, fees and
 * time per way of submitting, where, steps, conditions, legal basis, and a QR code to the portal.
 */
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import type { CenterEntryValues } from '../../../shared/centerList/centerList.ts';
import { effectiveFacts } from '../../../shared/centerList/effectiveFacts.ts';
import { CenterMark } from './CenterMark.tsx';
import { describeEffectiveFee, describeEffectiveTime, describePlace } from './effectiveFactsText.ts';
import { PortalQrCode } from './PortalQrCode.tsx';
import {
  describeChannel,
  describeFee,
  describeTime,
  isConditional,
  splitDocuments,
  stepLines,
  whereToSubmit,
} from './procedureFacts.ts';

/** `centerEntry`: the center's own values for this procedure (danh mục niêm yết), shown first and marked as the center's. */
export function ProcedureDetail({ procedure: p, centerEntry }: { procedure: Procedure; centerEntry?: CenterEntryValues | undefined }) {
  const { t, i18n } = useTranslation();
  const where = whereToSubmit(p);
  const groups = splitDocuments(p);
  const steps = stepLines(p.steps);
  const facts = effectiveFacts(p, centerEntry);
  const place = describePlace(facts.place);
  const mustBring = groups.flatMap((g) => g.items).filter((d) => !isConditional(d.name)).length;
  return (
    <article className="detail" data-testid="procedure-detail">
      <header className="detail-header">
        <div>
          <p className="detail-meta">
            <span className="chip">{p.field}</span> <span className="muted">{t('detail.code', { code: p.code })}</span>
          </p>
          <h2 className="detail-title">{p.name}</h2>
          <dl className="glance" data-testid="glance">
            <div data-fact="time" data-source={facts.time.known ? facts.time.source : 'unknown'}>
              <dt>{t('facts.timeLabel')}</dt>
              <dd>
                {describeEffectiveTime(t, facts.time)}
                {facts.time.known && facts.time.source === 'center' && <CenterMark />}
              </dd>
            </div>
            <div data-fact="fee" data-source={facts.fee.source}>
              <dt>{t('facts.feeLabel')}</dt>
              <dd>
                {describeEffectiveFee(t, facts.fee, i18n.language)}
                {facts.fee.source === 'center' && <CenterMark />}
              </dd>
            </div>
            <div>
              <dt>{t('detail.bringLabel')}</dt>
              <dd>{t('detail.bringCount', { count: mustBring })}</dd>
            </div>
            <div data-fact="place" data-source={facts.place.source}>
              <dt>{t('detail.whereLabel')}</dt>
              <dd>
                {place ?? t('detail.whereDefault')}
                {facts.place.source === 'center' && <CenterMark />}
              </dd>
            </div>
          </dl>
          {facts.note && (
            <p className="center-note" data-testid="center-note">
              <strong>{t('centerList.noteLabel')}</strong> {facts.note} <CenterMark />
            </p>
          )}
        </div>
        {p.portalUrl ? <PortalQrCode url={p.portalUrl} /> : <p className="muted">{t('detail.noPortalLink')}</p>}
      </header>

      <section aria-labelledby="sec-documents" data-testid="documents">
        <h3 id="sec-documents">{t('detail.documents')}</h3>
        {groups.length === 0 && <p className="muted">{t('detail.noDocuments')}</p>}
        {groups.map((g) => (
          <div key={g.group} className="doc-group">
            {g.group && <h4>{g.group.replace(/^[*\s]+/, '')}</h4>}
            <ul className="doc-list">
              {g.items.map((d, i) => (
                <li key={i} className={`doc${isConditional(d.name) ? ' conditional' : ''}`}>
                  <span className="doc-name">
                    {isConditional(d.name) && <span className="badge if-needed">{t('detail.ifApplicable')}</span>} {d.name}
                    {d.form && <span className="doc-form"> {t('detail.form', { form: d.form })}</span>}
                  </span>
                  <span className="doc-qty">
                    {d.originals > 0 && <span className="badge original">{t('detail.originals', { count: d.originals })}</span>}
                    {d.copies > 0 && <span className="badge copy">{t('detail.copies', { count: d.copies })}</span>}
                  </span>
                </li>
              ))}
            </ul>
            {g.notes.length > 0 && (
              <ul className="doc-notes">
                {g.notes.map((d, i) => (
                  <li key={i}>{d.name}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>

      <section aria-labelledby="sec-methods">
        <h3 id="sec-methods">{t('detail.timeAndFee')}</h3>
        {centerEntry && (centerEntry.time || centerEntry.fee) && <p className="muted small">{t('centerList.nationalTable')}</p>}
        {p.methods.length === 0 ? (
          <p className="muted">{t('facts.time.unknown')}</p>
        ) : (
          <table className="methods">
            <thead>
              <tr>
                <th scope="col">{t('detail.channel')}</th>
                <th scope="col">{t('facts.timeLabel')}</th>
                <th scope="col">{t('facts.feeLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {p.methods.map((m, i) => (
                <tr key={i}>
                  <th scope="row">{describeChannel(t, m)}</th>
                  <td>{describeTime(t, m)}</td>
                  <td>
                    {describeFee(t, m, i18n.language)}
                    {m.fee.text && !/^miễn phí$/i.test(m.fee.text) && <div className="fee-note">{m.fee.text}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="sec-where">
        <h3 id="sec-where">{t('detail.where')}</h3>
        {where.length > 0 ? (
          <ul>
            {where.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : (
          <p>{t('detail.whereDefault')}</p>
        )}
      </section>

      {steps.length > 0 && (
        <section aria-labelledby="sec-steps">
          <h3 id="sec-steps">{t('detail.steps')}</h3>
          <ol className="steps">
            {steps.map((s, i) => (
              <li key={i}>{s.replace(/^Bước \d+[:.]\s*/, '')}</li>
            ))}
          </ol>
        </section>
      )}

      {p.requirements && (
        <section aria-labelledby="sec-conditions">
          <h3 id="sec-conditions">{t('detail.conditions')}</h3>
          <p className="prewrap">{p.requirements}</p>
        </section>
      )}

      {p.results.length > 0 && (
        <section aria-labelledby="sec-results">
          <h3 id="sec-results">{t('detail.results')}</h3>
          <ul>
            {p.results.map((r, i) => (
              <li key={i}>{r.name}</li>
            ))}
          </ul>
        </section>
      )}

      {p.legalBasis.length > 0 && (
        <section aria-labelledby="sec-legal">
          <h3 id="sec-legal">{t('detail.legalBasis')}</h3>
          <ul className="legal">
            {p.legalBasis.map((l, i) => (
              <li key={i}>{l.title}</li>
            ))}
          </ul>
        </section>
      )}
      <p className="muted small">{t('detail.disclaimer')}</p>
    </article>
  );
}
