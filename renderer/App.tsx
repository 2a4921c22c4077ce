/** The kiosk: search (home), browse by field, procedure detail; idle reset back to a clean home. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MotcuaDb } from './data/db.ts';
import { useCatalog } from './app/useCatalog.ts';
import { useRoute, type Route } from './app/route.ts';
import { citizenFields } from './features/browse/citizenFields.ts';
import { FieldList, FieldProcedures } from './features/browse/FieldBrowser.tsx';
import { CatalogFooter } from './features/chrome/CatalogFooter.tsx';
import { CounterApp } from './features/counter/CounterApp.tsx';
import { KioskHeader } from './features/chrome/KioskHeader.tsx';
import { AddressScreen } from './features/address/AddressScreen.tsx';
import { LookupScreen } from './features/lookup/LookupScreen.tsx';
import { RatingScreen } from './features/lookup/RatingScreen.tsx';
import { useRatingSender } from './sync/ratingSender.ts';
import { HomePanel } from './features/home/HomePanel.tsx';
import { IdleWarning } from './features/idle/IdleWarning.tsx';
import { IDLE_STORAGE_KEY, readIdleSeconds } from './features/idle/kioskSettings.ts';
import { AdminSettings } from './features/admin/AdminSettings.tsx';
import { useAdminGesture } from './features/admin/useAdminGesture.ts';
import { useIdleReset } from './features/idle/useIdleReset.ts';
import { OnScreenKeyboard } from './features/keyboard/OnScreenKeyboard.tsx';
import { ProcedureDetail } from './features/procedure/ProcedureDetail.tsx';
import { SearchBox } from './features/search/SearchBox.tsx';
import { SearchResults } from './features/search/SearchResults.tsx';
import type { Platform } from './platform/platform.ts';
import type { AppUpdater } from './offline/appUpdater.ts';
import { useAppUpdate } from './offline/useAppUpdate.ts';
import { ProcedureQueueBar } from './features/queue/kiosk/ProcedureQueueBar.tsx';
import { QueueSetupScreen } from './features/queue/kiosk/QueueSetupScreen.tsx';
import { TakeNumberScreen } from './features/queue/kiosk/TakeNumberScreen.tsx';
import { TicketOverlay } from './features/queue/kiosk/TicketOverlay.tsx';
import { useKioskQueue } from './features/queue/kiosk/useKioskQueue.ts';


export function App({ platform, db, updater }: { platform: Platform; db: MotcuaDb; updater: AppUpdater }) {
  const { t, i18n } = useTranslation();
  const state = useCatalog(db, platform.serverUrl);
  const [route, go] = useRoute();
  // Queue numbers, once this kiosk is enrolled as a kiosk (#/queue-setup).
  const queue = useKioskQueue(db);
  const [query, setQuery] = useState('');
  const [keyboardVisible, setKeyboardVisible] = useState(true);
  // Admins change it in settings; the kiosk takes the new value at once.
  const [idleSeconds, setIdleSeconds] = useState(() => readIdleSeconds(window.location.search, window.localStorage.getItem(IDLE_STORAGE_KEY)));

  const reset = useCallback(() => {
    setQuery('');
    setKeyboardVisible(true);
    go({ screen: 'search' });
    void i18n.changeLanguage('vi');
  }, [go, i18n]);

  const procedures = state.phase === 'ready' ? state.procedures : null;
  const fields = useMemo(() => (procedures ? citizenFields(procedures) : []), [procedures]);

  const atRest = route.screen === 'search' && query === '' && i18n.language === 'vi' && keyboardVisible;
  const [admin, setAdmin] = useState(false);
  // Only the shell can check an admin PIN, so the gesture means nothing in a plain browser.
  useAdminGesture(Boolean(platform.admin) && route.screen !== 'counter', () => {
    void platform.admin?.gesture().then((r) => r.ok && setAdmin(true));
  });
  const update = useAppUpdate(updater);
  // Ratings given at this kiosk go out on start and whenever the link comes back.
  useRatingSender(db, platform.serverUrl);
  // The shell installs its own updates only while the kiosk is at rest.
  useEffect(() => {
    platform.reportIdle?.(atRest && route.screen === 'search');
  }, [platform, atRest, route.screen]);
  // The kiosk takes a new version only at rest: home screen, nothing typed, nobody mid-screen.
  useEffect(() => {
    if (update === 'ready' && atRest && route.screen === 'search') updater.apply();
  }, [update, atRest, route.screen, updater]);
  const { remaining, stayHere } = useIdleReset(idleSeconds, !atRest && route.screen !== 'counter', reset);

  if (state.phase === 'loading') {
    return (
      <div className="splash" data-testid="loading">
        <p>{t('app.loading')}</p>
      </div>
    );
  }

  const { engine } = state;
  if (route.screen === 'counter') return <CounterApp db={db} engine={engine} serverUrl={platform.serverUrl} updater={updater} platform={platform} />;
  const open = (code: string) => go({ screen: 'procedure', code });
  // A kiosk opened straight on a deep link has no history to go back to: go home instead.
  const goBack = () => (window.history.length > 1 ? window.history.back() : go({ screen: 'search' }));
  const back: Record<Route['screen'], (() => void) | null> = {
    search: null,
    counter: null,
    fields: () => go({ screen: 'search' }),
    field: () => goBack(),
    procedure: () => goBack(),
    lookup: () => go({ screen: 'search' }),
    rating: () => goBack(),
    address: () => go({ screen: 'search' }),
    queue: () => goBack(),
    queueSetup: () => go({ screen: 'search' }),
  };

  let content;
  switch (route.screen) {
    case 'fields':
      content = <FieldList fields={fields} onField={(field) => go({ screen: 'field', field })} />;
      break;
    case 'field':
      content = <FieldProcedures field={route.field} procedures={state.procedures} onOpen={open} />;
      break;
    case 'lookup':
      content = <LookupScreen db={db} serverUrl={platform.serverUrl} onRate={(number) => go({ screen: 'rating', number })} />;
      break;
    case 'address':
      content = <AddressScreen db={db} serverUrl={platform.serverUrl} />;
      break;
    case 'rating':
      content = <RatingScreen db={db} serverUrl={platform.serverUrl} fileNumber={route.number} onDone={reset} />;
      break;
    case 'queue':
      content = <TakeNumberScreen queue={queue} procedure={route.code ? (engine.byCode(route.code) ?? null) : null} />;
      break;
    case 'queueSetup':
      content = <QueueSetupScreen db={db} queue={queue} serverUrl={platform.serverUrl} onDone={reset} />;
      break;
    case 'procedure': {
      const procedure = engine.byCode(route.code);
      content = procedure ? (
        <ProcedureDetail procedure={procedure} />
      ) : (
        <div className="notice" role="alert">
          {t('detail.notFound', { code: route.code })}
        </div>
      );
      break;
    }
    default:
      content =
        query.trim() === '' ? (
          <HomePanel
            engine={engine}
            fields={fields}
            onOpen={open}
            onQuery={setQuery}
            onField={(field) => go({ screen: 'field', field })}
            onAllFields={() => go({ screen: 'fields' })}
            onLookup={() => go({ screen: 'lookup' })}
            onRate={() => go({ screen: 'rating', number: null })}
            onAddress={() => go({ screen: 'address' })}
            onTakeNumber={queue.available ? () => go({ screen: 'queue', code: null }) : undefined}
          />
        ) : (
          <SearchResults engine={engine} query={query} onOpen={open} onBrowse={() => go({ screen: 'fields' })} />
        );
  }

  const searching = route.screen === 'search';
  return (
    <div className={`kiosk${searching && keyboardVisible ? ' with-keyboard' : ''}`}>
      <KioskHeader onHome={reset} onBack={back[route.screen]} />
      {state.info.origin === 'bundled' && (
        <div className="banner warning" role="status" data-testid="demo-banner">
          {t('banner.bundledDemo')}
        </div>
      )}
      {state.storageProblem && (
        <div className="banner error" role="alert">
          {t(`banner.storage.${state.storageProblem}`)}
        </div>
      )}
      {searching && (
        <SearchBox
          value={query}
          onChange={setQuery}
          keyboardVisible={keyboardVisible}
          onToggleKeyboard={() => setKeyboardVisible((v) => !v)}
        />
      )}
      <main className="kiosk-main" key={`${route.screen}:${'code' in route ? route.code : ''}`}>
        {content}
      </main>
      {route.screen === 'procedure' && queue.available && <ProcedureQueueBar onTake={() => go({ screen: 'queue', code: route.code })} />}
      {searching && keyboardVisible && <OnScreenKeyboard value={query} onChange={setQuery} />}
      <CatalogFooter info={state.info} update={state.update} />
      {queue.ticket && queue.replica && (
        <TicketOverlay
          ticket={queue.ticket}
          service={queue.view?.settings?.settings.services.find((s) => s.id === queue.ticket?.serviceId) ?? null}
          centerName={queue.replica.device.centerName}
          platform={platform}
          onDone={() => {
            // The next person finds the kiosk at home.
            queue.dismiss();
            reset();
          }}
        />
      )}
      {remaining !== null && !admin && <IdleWarning seconds={remaining} onStay={stayHere} />}
      {admin && <AdminSettings platform={platform} onClose={() => setAdmin(false)} onIdleSaved={setIdleSeconds} />}
    </div>
  );
}
