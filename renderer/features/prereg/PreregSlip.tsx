/** The pre-registration slip on the kiosk's 80 mm printer: the code to show at the counter, the procedure, the time. Nothing personal. */
import { useTranslation } from 'react-i18next';

interface Props {
  code: string;
  procedureName: string;
  at: Date;
  timeZone: string;
  /** The queue number taken with it, when the center has a queue. */
  ticket?: string | null;
}

export function PreregSlip({ code, procedureName, at, timeZone, ticket }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="prereg-slip" data-testid="prereg-slip" data-title={t('prereg.slip.title')}>
      <p className="slip-center">{t('app.title')}</p>
      <h1 className="slip-title">{t('prereg.slip.title')}</h1>
      {ticket && <p className="slip-ticket">{ticket}</p>}
      <p className="slip-code">{code}</p>
      <p className="slip-name">{procedureName}</p>
      <p className="slip-foot">{t('prereg.slip.foot')}</p>
      <p className="slip-foot">{new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(at)}</p>
    </div>
  );
}
