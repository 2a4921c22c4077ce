/** Says which catalog the kiosk is using and how fresh it is; the portal is credited, not presented as authoritative. */
import { useTranslation } from 'react-i18next';
import { dayNumberOf, isoFromDayNumber } from '../../../shared/calendar/civilDay.ts';
import { formatDayMonthYear } from '../../../shared/calendar/dayMonthYear.ts';
import type { CatalogInfo, UpdateStatus } from '../../app/useCatalog.ts';
import './kioskChrome.css';

export function CatalogFooter({ info, update }: { info: CatalogInfo; update: UpdateStatus }) {
  const { t } = useTranslation();
  const date = new Date(info.generatedAt);
  // Day first in Vietnam time, as every date the app shows; computed, not through Intl, whose first
  // use loads locale data on the first screen's path.
  const when = Number.isNaN(date.getTime()) ? '' : formatDayMonthYear(isoFromDayNumber(dayNumberOf(date)));
  return (
    <footer className="kiosk-footer" data-testid="catalog-footer" data-version={info.version} data-origin={info.origin} data-update={update}>
      <span>{t('footer.catalog', { count: info.count, date: when })}</span>
      <span>{info.source.startsWith('demo') ? t('footer.demo') : t('footer.attribution')}</span>
      <span className="muted">{t(`footer.update.${update}`)}</span>
    </footer>
  );
}
