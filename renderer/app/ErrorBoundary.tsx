/**
 * A kiosk must never stay blank: if a screen throws, show a translated apology with one big
 * button that starts the app again (the catalog is on the device, so nothing is lost).
 */
import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('motcua screen failed', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="splash" role="alert" data-testid="crash">
            <div className="overlay-card">
              <h2>{t('crash.title')}</h2>
              <p>{t('crash.body')}</p>
              <button type="button" className="button primary big" onClick={() => window.location.assign('./')}>
                {t('crash.restart')}
              </button>
            </div>
          </div>
        )}
      </Translation>
    );
  }
}
