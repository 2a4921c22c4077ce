/**
 * The counter: enrol once, sign in, register walk-in files, watch them leave through the outbox.
 * Every action writes to this device first; the sync engine carries it to the server when it can.
 * Each screen has its address (counterRoute.ts), so a reload lands where staff were.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchEngine } from '../../../shared/catalog/searchTypes.ts';
import { buildWorkCalendar, type WorkCalendar } from '../../../shared/calendar/holidayTable.ts';
import { loadWorkCalendar } from '../../data/calendarRepository.ts';
import { refreshHolidayTable } from '../../sync/calendarPull.ts';
import { loadDevice } from '../../data/deviceRepository.ts';
import { getFile } from '../../data/fileRegistry.ts';
import type { DeviceIdentity, LocalFile, MotcuaDb, StaffMember } from '../../data/db.ts';
import { requestPersistentStorage } from '../../data/persistentStorage.ts';
import { createSyncEngine } from '../../sync/syncEngine.ts';
import { LANGUAGES } from '../../i18n.ts';
import type { Platform } from '../../platform/platform.ts';
import type { AppUpdater } from '../../offline/appUpdater.ts';
import { useAppUpdate } from '../../offline/useAppUpdate.ts';
import { IdleSignOutWarning } from './chrome/IdleSignOutWarning.tsx';
import { SyncStatusBar } from './chrome/SyncStatusBar.tsx';
import { useIdleSignOut } from './chrome/useIdleSignOut.ts';
import { EnrolScreen } from '../enrol/EnrolForm.tsx';
import { OutboxScreen } from './outbox/OutboxScreen.tsx';
import type { RegisterDraft } from './register/registerDraft.ts';
import { RegisterScreen } from './register/RegisterScreen.tsx';
import { SavedReceipt } from './register/SavedReceipt.tsx';
import { SignInScreen } from './staff/SignInScreen.tsx';
import { StaffAdminScreen } from './staff/StaffAdminScreen.tsx';
import { WorklistScreen } from './worklist/WorklistScreen.tsx';
import { CallingBar } from '../queue/counter/CallingBar.tsx';
import { RetentionSettings } from './privacy/RetentionSettings.tsx';
import { openPreregistration, type OpenedPrereg } from './prereg/openPreregistration.ts';
import { useRetentionPurge } from './privacy/useRetentionPurge.ts';
import { useCounterView, type CounterView } from './counterRoute.ts';
import './counter.css';

// Admins' screens load when opened: the figures bring a chart library, the list and learning their editors.
const StatsScreen = lazy(() => import('../stats/StatsScreen.tsx').then((m) => ({ default: m.StatsScreen })));
const CenterListScreen = lazy(() => import('../centerList/CenterListScreen.tsx').then((m) => ({ default: m.CenterListScreen })));
const ProvinceScreen = lazy(() => import('../province/ProvinceScreen.tsx').then((m) => ({ default: m.ProvinceScreen })));
const LearningScreen = lazy(() => import('../learning/LearningScreen.tsx').then((m) => ({ default: m.LearningScreen })));
const OpenPreregistration = lazy(() => import('./prereg/OpenPreregistration.tsx').then((m) => ({ default: m.OpenPreregistration })));

/** The file a view is about (saved, being fixed), read back from the device; undefined while reading. */
function useViewFile(db: MotcuaDb, view: CounterView): LocalFile | null | undefined {
  const fileId = view.name === 'saved' || view.name === 'fix' ? view.fileId : null;
  const [file, setFile] = useState<{ id: string; file: LocalFile | null } | null>(null);
  useEffect(() => {
    if (!fileId) return;
    let cancelled = false;
    void getFile(db, fileId).then((r) => !cancelled && setFile({ id: fileId, file: r.ok ? r.value : null }));
    return () => {
      cancelled = true;
    };
  }, [db, fileId]);
  if (!fileId) return null;
  return file?.id === fileId ? file.file : undefined;
}

interface Props {
  db: MotcuaDb;
  /** The catalog's search; null while the device's catalog is still being read (or has not come yet). */
  engine: SearchEngine | null;
  serverUrl: string;
  updater: AppUpdater;
  platform: Platform;
}

export function CounterApp({ db, engine, serverUrl, updater, platform }: Props) {
  const { t, i18n } = useTranslation();
  const [device, setDevice] = useState<DeviceIdentity | null | undefined>(undefined);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  const [staff, setStaff] = useState<StaffMember | null>(null);
  const [view, setView] = useCounterView();
  const viewFile = useViewFile(db, view);
  const [formKey, setFormKey] = useState(0);
  const [formDirty, setFormDirty] = useState(false);
  // A pre-registration opened into a fresh form (features/counter/prereg); gone once that form is saved.
  const [prefill, setPrefill] = useState<OpenedPrereg | null>(null);
  const [preregProblem, setPreregProblem] = useState<string | null>(null);
  const openPrefilled = useCallback((opened: OpenedPrereg) => {
    setPreregProblem(null);
    setPrefill(opened);
    setFormKey((k) => k + 1);
    setView({ name: 'register' });
  }, [setView]);
  const update = useAppUpdate(updater);
  // An idle sign-out keeps a half-typed form in memory (never on disk) for the same person only.
  const latestDraft = useRef<RegisterDraft | null>(null);
  const [parked, setParked] = useState<{ staffId: string; draft: RegisterDraft } | null>(null);
  const [restore, setRestore] = useState<RegisterDraft | null>(null);
  const signOutIdle = useCallback(() => {
    setParked(staff && formDirty && latestDraft.current ? { staffId: staff.id, draft: latestDraft.current } : null);
    setStaff(null);
  }, [staff, formDirty]);
  const idle = useIdleSignOut(Boolean(staff), signOutIdle);
  // Whoever signs in next starts at the registration form, not on the screen (or the file) the last person left.
  const signOut = () => {
    setParked(null);
    setStaff(null);
    setView({ name: 'register' });
  };
  const signedIn = (member: StaffMember) => {
    setRestore(parked?.staffId === member.id ? parked.draft : null);
    setParked(null);
    setStaff(member);
  };
  // Citizens' data of finished files leaves this device after the retention period: at start, then daily.
  useRetentionPurge(db);

  const [calendar, setCalendar] = useState<WorkCalendar>(() => buildWorkCalendar(null));
  useEffect(() => {
    // A storage failure is not "never enrolled": asking to enrol again would burn an enrolment code.
    void loadDevice(db, platform.deviceToken).then((r) => (r.ok ? setDevice(r.value) : setStorageProblem(r.error.kind)));
    void requestPersistentStorage();
    void loadWorkCalendar(db).then(setCalendar);
  }, [db, platform]);
  useEffect(() => {
    if (!device) return;
    void refreshHolidayTable(db, device.serverUrl).then(async (r) => {
      if (r === 'updated') setCalendar(await loadWorkCalendar(db));
    });
  }, [db, device]);

  // A kiosk or a province device has nothing to push and no center's feed to pull.
  const sync = useMemo(() => (device && device.role !== 'kiosk' && device.role !== 'province' ? createSyncEngine({ db, tokens: platform.deviceToken, getServerUrl: () => device.serverUrl, probe: platform.network.probe }) : null), [db, device, platform]);
  useEffect(() => {
    if (!sync) return;
    sync.start();
    return () => sync.stop();
  }, [sync]);

  if (storageProblem) {
    return (
      <div className="splash" role="alert">
        {t(`counter.errors.storage.${storageProblem}`)}
      </div>
    );
  }
  if (device === undefined) return <div className="splash">{t('app.loading')}</div>;

  const loading = (
    <p className="splash" data-testid="counter-loading">
      {t('app.loading')}
    </p>
  );
  /** A screen that searches the catalog, once the catalog is there. */
  const withCatalog = (screen: (engine: SearchEngine) => ReactNode) => (engine ? screen(engine) : loading);
  const admin = staff?.role === 'admin';

  let body;
  if (!device) body = <EnrolScreen db={db} tokens={platform.deviceToken} defaultServerUrl={serverUrl} onEnrolled={setDevice} />;
  // A kiosk's token cannot do a counter's work (the server refuses it): say so instead of failing later.
  else if (device.role === 'kiosk') body = <p className="notice" role="alert" data-testid="kiosk-device">{t('counter.enrol.kioskDevice', { center: device.centerName })}</p>;
  else if (!staff) body = <SignInScreen db={db} onSignedIn={signedIn} />;
  else if (device.role === 'province') body = <ProvinceScreen device={device} />;
  else if (view.name === 'saved' && viewFile !== null)
    body = viewFile
      ? withCatalog((engine) => <SavedReceipt file={viewFile} db={db} engine={engine} centerName={device.centerName} platform={platform} onNext={() => { setFormKey((k) => k + 1); setView({ name: 'register' }); }} />)
      : loading;
  else if (view.name === 'staff' && admin)
    body = (
      <>
        <StaffAdminScreen db={db} me={staff} idleMinutes={idle.idleMinutes} onIdleMinutesChange={idle.setIdleMinutes} />
        <RetentionSettings db={db} />
      </>
    );
  else if (view.name === 'stats' && admin) body = <StatsScreen db={db} device={device} />;
  else if (view.name === 'centerList' && admin) body = withCatalog((engine) => <CenterListScreen db={db} engine={engine} device={device} staff={staff} platform={platform} />);
  else if (view.name === 'worklist') body = withCatalog((engine) => <WorklistScreen db={db} engine={engine} platform={platform} device={device} staff={staff} />);
  else if (view.name === 'learning' && admin) body = withCatalog((engine) => <LearningScreen db={db} engine={engine} device={device} staff={staff} tokens={platform.deviceToken} />);
  else if (view.name === 'prereg') body = withCatalog((engine) => <OpenPreregistration device={device} engine={engine} onOpened={openPrefilled} />);
  else if (view.name === 'outbox' && sync) body = <OutboxScreen db={db} sync={sync} staff={staff} onFix={(fileId) => setView({ name: 'fix', fileId })} />;
  else if (view.name === 'fix' && viewFile === undefined) body = loading;
  else {
    const fixing = view.name === 'fix' ? (viewFile ?? null) : null;
    body = withCatalog((engine) => (
      <RegisterScreen
        key={fixing ? `fix-${fixing.id}` : `new-${formKey}`}
        db={db}
        engine={engine}
        device={device}
        staff={staff}
        fixing={fixing}
        calendar={calendar}
        onDirtyChange={setFormDirty}
        initialDraft={restore}
        prefill={view.name === 'register' ? prefill : null}
        onDraftChange={(draft, restored) => {
          latestDraft.current = draft;
          if (restored) setRestore(null);
        }}
        onDone={(file) => {
          setPrefill(null);
          setView({ name: 'saved', fileId: file.id });
          void sync?.syncNow();
        }}
      />
    ));
  }

  return (
    <div className="counter" data-testid="counter">
      <header className="counter-header">
        <div>
          <h1>{device?.role === 'province' ? t('province.header') : t('counter.title')}</h1>
          <p>{device ? `${device.centerName} · ${t('counter.deviceCode', { code: device.deviceCode })}` : t('counter.notEnrolled')}</p>
        </div>
        {staff && device?.role !== 'province' && (
          <nav className="counter-nav">
            <button type="button" className={`button${view.name === 'register' || view.name === 'fix' || view.name === 'saved' ? ' active' : ''}`} onClick={() => setView({ name: 'register' })} data-testid="nav-register">
              {t('counter.nav.register')}
            </button>
            <button type="button" className={`button${view.name === 'prereg' ? ' active' : ''}`} onClick={() => setView({ name: 'prereg' })} data-testid="nav-prereg">
              {t('prereg.counter.open')}
            </button>
            <button type="button" className={`button${view.name === 'worklist' ? ' active' : ''}`} onClick={() => setView({ name: 'worklist' })} data-testid="nav-worklist">
              {t('counter.nav.worklist')}
            </button>
            <button type="button" className={`button${view.name === 'outbox' ? ' active' : ''}`} onClick={() => setView({ name: 'outbox' })} data-testid="nav-outbox">
              {t('counter.nav.outbox')}
            </button>
            {staff.role === 'admin' && (
              <button type="button" className={`button${view.name === 'staff' ? ' active' : ''}`} onClick={() => setView({ name: 'staff' })} data-testid="nav-staff">
                {t('counter.nav.staff')}
              </button>
            )}
            {staff.role === 'admin' && (
              <button type="button" className={`button${view.name === 'stats' ? ' active' : ''}`} onClick={() => setView({ name: 'stats' })} data-testid="nav-stats">
                {t('stats.nav')}
              </button>
            )}
            {staff.role === 'admin' && (
              <button type="button" className={`button${view.name === 'centerList' ? ' active' : ''}`} onClick={() => setView({ name: 'centerList' })} data-testid="nav-center-list">
                {t('centerList.nav')}
              </button>
            )}
            {staff.role === 'admin' && (
              <button type="button" className={`button${view.name === 'learning' ? ' active' : ''}`} onClick={() => setView({ name: 'learning' })} data-testid="nav-learning">
                {t('learning.nav')}
              </button>
            )}
          </nav>
        )}
        <div className="counter-user">
          {staff && (
            <>
              <span>{staff.name}</span>
              <button type="button" className="button" onClick={signOut} data-testid="sign-out">
                {t('counter.staff.signOut')}
              </button>
            </>
          )}
          {LANGUAGES.map((lng) => (
            <button key={lng} type="button" className={`button lang-button${i18n.language === lng ? ' active' : ''}`} onClick={() => void i18n.changeLanguage(lng)}>
              {t(`language.${lng}`)}
            </button>
          ))}
        </div>
      </header>
      {update !== 'none' && (
        <div className="banner warning update-banner" role="status" data-testid="update-ready">
          <span>{formDirty ? t('counter.update.readyBusy') : t('counter.update.ready')}</span>
          <button type="button" className="button primary" disabled={formDirty || update === 'applying'} onClick={() => updater.apply()} data-testid="apply-update">
            {t('counter.update.apply')}
          </button>
        </div>
      )}
      {device && staff && device.role !== 'province' && (
        <CallingBar
          db={db}
          device={device}
          staff={staff}
          settingsOpen={view.name === 'queueSettings'}
          onSettings={(open) => setView({ name: open ? 'queueSettings' : 'register' })}
          // A called number's pre-registration opens once the catalog is there to name its procedure.
          {...(engine
            ? {
                onOpenPrereg: (draftId: string) =>
                  void openPreregistration(device, engine, { id: draftId }, t).then((opened) => (opened.ok ? openPrefilled(opened.value) : setPreregProblem(opened.error))),
              }
            : {})}
        />
      )}
      {preregProblem && (
        <div className="banner error" role="alert" data-testid="prereg-called-problem">
          {t(preregProblem)}
        </div>
      )}
      {/* One per screen: a screen opens at its top, not where the last one was scrolled to. */}
      <main className="counter-main" key={view.name}>
        <Suspense fallback={loading}>{body}</Suspense>
      </main>
      {idle.remaining !== null && <IdleSignOutWarning seconds={idle.remaining} onStay={idle.stayHere} />}
      {sync && <SyncStatusBar db={db} sync={sync} onOpenOutbox={() => staff && setView({ name: 'outbox' })} />}
    </div>
  );
}
