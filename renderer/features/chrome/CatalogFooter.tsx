/** Says which catalog the kiosk is using and how fresh it is; the portal is credited, not presented as authoritative. */
import { useTranslation } from 'react-i18next';
import type { CatalogInfo, UpdateStatus } from '../../app/useCatalog.ts';
import './kioskChrome.css';

export function CatalogFooter({ info, update }: { info: CatalogInfo; update: UpdateStatus }) {
  const { t, i18n } = useTranslation();
  const date = new Date(info.generatedAt);
  const when = Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <footer className="kiosk-footer" data-testid="catalog-footer" data-version={info.version} data-origin={info.origin}>
      <span>{t('footer.catalog', { count: info.count, date: when })}</span>
      <span>{info.source.startsWith('demo') ? t('footer.demo') : t('footer.attribution')}</span>
      <span className="muted">{t(`footer.update.${update}`)}</span>
    </footer>
  );
}
