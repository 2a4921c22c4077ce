/**
 * A touch dialog over the worklist: a title, the fields, the problem (if the last try was refused,
 * the dialog stays open and says why, so nothing typed is lost), "close" and "confirm".
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  /** A line under the title naming the file. */
  subtitle?: string;
  problem: string | null;
  busy?: boolean;
  confirmLabel: string;
  onConfirm(): void;
  onClose(): void;
  testId: string;
  children: ReactNode;
}

export function Dialog({ title, subtitle, problem, busy, confirmLabel, onConfirm, onClose, testId, children }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
      <form
        className="overlay-card admin-card work-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
        noValidate
      >
        <h2 id={titleId}>{title}</h2>
        {subtitle && <p className="muted">{subtitle}</p>}
        {children}
        {problem && (
          <p className="banner error" role="alert" data-testid="dialog-problem">
            {problem}
          </p>
        )}
        <div className="admin-actions work-dialog-actions">
          <button type="button" className="button" onClick={onClose} data-testid="dialog-close">
            {t('admin.close')}
          </button>
          <button type="submit" className="button primary" disabled={busy} data-testid="dialog-confirm">
            {confirmLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
