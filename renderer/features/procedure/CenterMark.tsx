/** The visible marker next to a value the center posts itself, so a citizen knows whose word it is. */
import { useTranslation } from 'react-i18next';
import './centerMark.css';

export function CenterMark({ lang }: { lang?: 'vi' }) {
  const { t, i18n } = useTranslation();
  const text = lang ? i18n.getFixedT(lang)('centerList.mark') : t('centerList.mark');
  return (
    <span className="center-mark" data-testid="center-mark">
      {text}
    </span>
  );
}
