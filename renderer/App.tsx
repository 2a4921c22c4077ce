/**
 * The kiosk: search (home), browse by field, procedure detail; idle reset back to a clean home.
 * Started by kioskStart.tsx; the counter is another app (counterStart.tsx) and never mounts this.
 */
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MotcuaDb } from './data/db.ts';
import type { ReadyCatalog } from './app/useCatalog.ts';
import { useCenterList } from './app/useCenterList.ts';
import { routeHref, useRoute, type Route } from './app/route.ts';
import { afterNextFrame, openIdleWork } from './app/idleWork.ts';
import {
  AddressScreen,
  AdminSettings,
  FamilyList,
  FlowScreen,
  LookupScreen,
  PreregScreen,
  PreregTicketNote,
  prefetchKioskScreens,
  ProcedureDetail,
  QueueSetupScreen,
  RatingScreen,
  TakeNumberScreen,
} from './app/kioskScreens.ts';
import { citizenFields } from './features/browse/citizenFields.ts';
import { FieldList, FieldProcedures } from './features/browse/FieldBrowser.tsx';
import { CatalogFooter } from './features/chrome/CatalogFooter.tsx';
import { KioskHeader } from './features/chrome/KioskHeader.tsx';
import { useSearchRecorder } from './features/search/useSearchRecorder.ts';
import { HomePanel } from './features/home/HomePanel.tsx';
import { IdleWarning } from './features/idle/IdleWarning.tsx';
import { readIdleSeconds } from './features/idle/kioskSettings.ts';
import { readDeviceSetting } from './data/deviceSettings.ts';
import { useAdminGesture } from './features/admin/useAdminGesture.ts';
import { useIdleReset } from './features/idle/useIdleReset.ts';
import { OnScreenKeyboard } from './features/keyboard/OnScreenKeyboard.tsx';
import { SearchBox } from './features/search/SearchBox.tsx';
import { SearchResults } from './features/search/SearchResults.tsx';
import { cachedSearch } from './features/search/cachedSearch.ts';
import type { Platform } from './platform/platform.ts';
import type { AppUpdater } from './offline/appUpdater.ts';
import { useAppUpdate } from './offline/useAppUpdate.ts';
import { DisplayToggles } from './features/accessibility/DisplayToggles.tsx';
import { USUAL_DISPLAY, useDisplayModes, type DisplayModes } from './features/accessibility/displayModes.ts';
import { useAvailableFlows } from './features/guidance/availableFlows.ts';
import { FlowOffer } from './features/guidance/FlowOffer.tsx';
import { LifeEventTiles } from './features/guidance/LifeEventTiles.tsx';
import { familyProcedures } from '../shared/guidance/resolveOutcome.ts';
import { SearchFlowOffer } from './features/guidance/SearchFlowOffer.tsx';
import { usePreregSender } from './sync/usePreregSender.ts';
import { checklistTicketing } from './features/queue/kiosk/checklistTicketing.ts';
import { ProcedureQueueBar } from './features/queue/kiosk/ProcedureQueueBar.tsx';
import { TicketOverlay } from './features/queue/kiosk/TicketOverlay.tsx';
import { useKioskQueue } from './features/queue/kiosk/useKioskQueue.ts';


/** The screens that show a procedure's details (its documents, steps, legal basis), directly or in a checklist. */
const SHOWS_DETAILS: ReadonlySet<Route['screen']> = new Set(['procedure', 'prereg', 'flow']);

export function App({ platform, db, updater, catalog: state }: { platform: Platform; db: MotcuaDb; updater: AppUpdater; catalog: ReadyCatalog }) {
  const { t, i18n } = useTranslation();
  // The center's own values (danh mục niêm yết), as pulled by KioskBackground.tsx.
  const centerList = useCenterList(db);
  const [route, go] = useRoute();
  // Queue numbers, once this kiosk is enrolled as a kiosk (#/queue-setup).
  const queue = useKioskQueue(db, platform.deviceToken);
  const [query, setQuery] = useState('');
  const [keyboardVisible, setKeyboardVisible] = useState(true);
  // Large text and high contrast are for this visit only: the idle reset puts the usual screen back.
  const [display, setDisplay] = useState<DisplayModes>(USUAL_DISPLAY);
  useDisplayModes(display);
  // Admins change it in settings; the kiosk takes the new value at once.
  const [idleSeconds, setIdleSeconds] = useState(() => readIdleSeconds(window.location.search, readDeviceSetting('kioskIdleSeconds')));

  const reset = useCallback(() => {
    setQuery('');
    setKeyboardVisible(true);
    setDisplay(USUAL_DISPLAY);
    platform.speech.stop();
    go({ screen: 'search' });
    void i18n.changeLanguage('vi');
  }, [go, i18n, platform]);

  const { engine, procedures } = state;
  const fields = useMemo(() => citizenFields(procedures), [procedures]);
  const flows = useAvailableFlows(engine);

  const atRest = route.screen === 'search' && query === '' && i18n.language === 'vi' && keyboardVisible && !display.largeText && !display.highContrast;
  const [admin, setAdmin] = useState(false);
  // The code of the file just looked up, for its rating; kept out of the URL (the hash is the screen).
  const [ratingCode, setRatingCode] = useState<string | null>(null);
  // Only the shell can check an admin PIN: in a plain browser the platform refuses the gesture.
  useAdminGesture(true, () => {
    void platform.admin.gesture().then((r) => r.ok && setAdmin(true));
  });
  const update = useAppUpdate(updater);
  // Learning from what citizens type: kiosk searches recorded (KioskBackground.tsx sends them).
  const recorder = useSearchRecorder(db, platform.deviceToken, query, route, procedures);
  // The path walked through a guidance flow goes with the search that led there.
  const flowPath = route.screen === 'flow' ? [route.flow, ...route.steps.map((s) => `${s.question}=${s.answer}`)].join('/') : null;
  useEffect(() => {
    if (flowPath) recorder.flow(flowPath.split('/'));
  }, [recorder, flowPath]);
  // Pre-registrations confirmed here wait sealed on the kiosk and go out when the link allows.
  const sendDrafts = usePreregSender(db, platform.deviceToken, platform.network, true);
  // The shell installs its own updates only while the kiosk is at rest.
  useEffect(() => {
    platform.reportIdle(atRest && route.screen === 'search');
  }, [platform, atRest, route.screen]);
  // The kiosk takes a new version only at rest: home screen, nothing typed, nobody mid-screen.
  useEffect(() => {
    if (update === 'ready' && atRest && route.screen === 'search') updater.apply();
  }, [update, atRest, route.screen, updater]);
  const { remaining, stayHere } = useIdleReset(idleSeconds, !atRest, reset);
  // The search warmed (its lexicon compiled, its code run once: a few tens of milliseconds on an old
  // PC) in the language chosen: a first key then pays only for itself. Just after the frame that shows
  // the screen, not before it; a key that comes in those moments waits for it (the bench's key timing,
  // taken from the touch's own time stamp, counts that wait). Then, at quiet moments, the other screens' code.
  const searchLanguage = i18n.language.startsWith('en') ? 'en' : 'vi';
  useEffect(() => afterNextFrame(() => engine.warm(searchLanguage)), [engine, searchLanguage]);
  useEffect(() => prefetchKioskScreens(), []);
  useEffect(() => openIdleWork(), []);
  // One search per key for the results and the flow offer alike.
  const search = useMemo(() => cachedSearch(engine), [engine]);
  const open = useCallback((code: string) => go({ screen: 'procedure', code }), [go]);
  // A screen that shows a procedure's documents, steps or legal basis waits for them: the start
  // reads them after its first screen (useCatalog.ts), or at once when such a screen comes first.
  const waitsForDetails = !state.detailsReady && SHOWS_DETAILS.has(route.screen);
  const { readDetails } = state;
  useEffect(() => {
    if (waitsForDetails) readDetails();
  }, [waitsForDetails, readDetails]);

  // A kiosk opened straight on a deep link has no history to go back to: go home instead.
  const goBack = () => (window.history.length > 1 ? window.history.back() : go({ screen: 'search' }));
  const back: Record<Route['screen'], (() => void) | null> = {
    search: null,
    fields: () => go({ screen: 'search' }),
    field: () => goBack(),
    procedure: () => goBack(),
    lookup: () => go({ screen: 'search' }),
    rating: () => goBack(),
    address: () => go({ screen: 'search' }),
    flow: () => goBack(),
    flowList: () => goBack(),
    prereg: () => goBack(),
    queue: () => goBack(),
    queueSetup: () => go({ screen: 'search' }),
  };
  const preregister = (code: string | null) => go({ screen: 'prereg', code });
  // Pre-registration needs the center's server: offered only on a kiosk enrolled with it (the queue's replica exists then).
  const canPreregister = queue.replica !== null;
  const startFlow = (flow: string) => go({ screen: 'flow', flow, steps: [] });
  const loadingScreen = <p className="splash">{t('app.loading')}</p>;
  // A flow opened before the flows are read (a reload on its address) waits for them.
  const unknownFlow = flows.ready ? (
    <div className="notice" role="alert">
      {t('guidance.unknownFlow')}
    </div>
  ) : (
    loadingScreen
  );

  let content;
  switch (route.screen) {
    case 'fields':
      content = <FieldList fields={fields} onField={(field) => go({ screen: 'field', field })} />;
      break;
    case 'field':
      content = <FieldProcedures field={route.field} procedures={state.procedures} onOpen={open} />;
      break;
    case 'lookup':
      content = (
        <LookupScreen
          db={db}
          serverUrl={platform.serverUrl}
          onRate={(number, code) => {
            setRatingCode(code);
            go({ screen: 'rating', number });
          }}
        />
      );
      break;
    case 'address':
      content = <AddressScreen db={db} serverUrl={platform.serverUrl} />;
      break;
    case 'prereg':
      content = (
        <PreregScreen
          db={db}
          engine={engine}
          platform={platform}
          procedureCode={route.code}
          sendNow={sendDrafts}
          // With a queue, the number carries the draft: the counter that calls it opens the filled form.
          {...(queue.available
            ? { takeNumber: async (draftId: string, procedure: { code: string; field: string }) => {
                  const issued = await queue.take({ procedure: { code: procedure.code, field: procedure.field }, draftId });
                  return issued.ok ? issued.value.number : null;
                } }
            : {})}
          onFinish={reset}
        />
      );
      break;
    case 'rating':
      content = <RatingScreen db={db} serverUrl={platform.serverUrl} tokens={platform.deviceToken} fileNumber={route.number} lookupCode={route.number ? ratingCode : null} onDone={reset} />;
      break;
    case 'flow': {
      const flow = flows.byId(route.flow);
      content = flow ? (
        <FlowScreen
          flow={flow}
          steps={route.steps}
          engine={engine}
          platform={platform}
          queue={checklistTicketing(queue, (code) => engine.byCode(code)?.field ?? null)}
          centerEntries={centerList.entries}
          onSteps={(steps) => go({ screen: 'flow', flow: flow.id, steps })}
          onLeave={() => go({ screen: 'flowList', flow: flow.id })}
          onOpenProcedure={open}
          {...(canPreregister ? { onPreregister: preregister } : {})}
        />
      ) : (
        unknownFlow
      );
      break;
    }
    case 'flowList': {
      const flow = flows.byId(route.flow);
      content = flow ? (
        <FamilyList flow={flow} procedures={familyProcedures(flow, engine.byCode)} onOpen={open} onRestart={() => startFlow(flow.id)} />
      ) : (
        unknownFlow
      );
      break;
    }
    case 'queue':
      content = <TakeNumberScreen queue={queue} procedure={route.code ? (engine.byCode(route.code) ?? null) : null} />;
      break;
    case 'queueSetup':
      content = <QueueSetupScreen queue={queue} onDone={reset} />;
      break;
    case 'procedure': {
      const procedure = engine.byCode(route.code);
      content = procedure ? (
        <>
          <div className="detail-flow-offer">
            <FlowOffer flows={flows.forCode(procedure.code)} onStart={startFlow} />
            {canPreregister && (
              <button type="button" className="button big detail-prereg" onClick={() => preregister(procedure.code)} data-testid="detail-prereg">
                {t('prereg.start')}
              </button>
            )}
          </div>
          <ProcedureDetail procedure={procedure} centerEntry={centerList.entries[procedure.code]} />
        </>
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
            {...(canPreregister ? { onPreregister: () => preregister(null) } : {})}
            lifeEvents={<LifeEventTiles flows={flows.flows} onStart={startFlow} />}
            onTakeNumber={queue.available ? () => go({ screen: 'queue', code: null }) : undefined}
          />
        ) : (
          <>
            <SearchFlowOffer search={search} flows={flows} query={query} onStart={startFlow} />
            <SearchResults search={search} query={query} onOpen={open} onBrowse={() => go({ screen: 'fields' })} onShown={recorder.shown} />
          </>
        );
  }

  if (waitsForDetails) content = loadingScreen;

  const searching = route.screen === 'search';
  return (
    <div className={`kiosk${searching && keyboardVisible ? ' with-keyboard' : ''}`}>
      <KioskHeader onHome={reset} onBack={back[route.screen]} display={<DisplayToggles modes={display} onChange={setDisplay} />} />
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
      {/* Focusable so the scrolling area can be scrolled from a keyboard too (a page may have no button). */}
      <main className="kiosk-main" tabIndex={0} key={`${route.screen}:${'code' in route ? route.code : ''}:${route.screen === 'flow' ? routeHref(route) : ''}`}>
        <Suspense fallback={loadingScreen}>{content}</Suspense>
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
        >
          {queue.ticket.draftId && (
            <Suspense fallback={null}>
              <PreregTicketNote db={db} draftId={queue.ticket.draftId} />
            </Suspense>
          )}
        </TicketOverlay>
      )}
      {remaining !== null && !admin && <IdleWarning seconds={remaining} onStay={stayHere} />}
      {admin && (
        <Suspense fallback={null}>
          <AdminSettings platform={platform} db={db} onClose={() => setAdmin(false)} onIdleSaved={setIdleSeconds} onEnrolled={queue.enrolled} />
        </Suspense>
      )}
    </div>
  );
}
