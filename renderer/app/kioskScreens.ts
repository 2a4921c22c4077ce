/**
 * The kiosk's screens beyond the first one (home, search, results), loaded when first opened, so an
 * old PC starts on less code; all are precached, and fetched in the background once the kiosk is
 * idle after its start, so the first tap on a result or a tile does not wait for them either.
 */
import { lazy } from 'react';
import { whenIdle } from './idleWork.ts';

const loaders = {
  procedure: () => import('../features/procedure/ProcedureDetail.tsx'),
  lookup: () => import('../features/lookup/LookupScreen.tsx'),
  rating: () => import('../features/lookup/RatingScreen.tsx'),
  address: () => import('../features/address/AddressScreen.tsx'),
  flow: () => import('../features/guidance/FlowScreen.tsx'),
  familyList: () => import('../features/guidance/FamilyList.tsx'),
  admin: () => import('../features/admin/AdminSettings.tsx'),
  prereg: () => import('../features/prereg/PreregScreen.tsx'),
  takeNumber: () => import('../features/queue/kiosk/TakeNumberScreen.tsx'),
  queueSetup: () => import('../features/queue/kiosk/QueueSetupScreen.tsx'),
  preregTicketNote: () => import('../features/prereg/PreregTicketNote.tsx'),
};

export const ProcedureDetail = lazy(() => loaders.procedure().then((m) => ({ default: m.ProcedureDetail })));
export const LookupScreen = lazy(() => loaders.lookup().then((m) => ({ default: m.LookupScreen })));
export const RatingScreen = lazy(() => loaders.rating().then((m) => ({ default: m.RatingScreen })));
export const AddressScreen = lazy(() => loaders.address().then((m) => ({ default: m.AddressScreen })));
export const FlowScreen = lazy(() => loaders.flow().then((m) => ({ default: m.FlowScreen })));
export const FamilyList = lazy(() => loaders.familyList().then((m) => ({ default: m.FamilyList })));
export const AdminSettings = lazy(() => loaders.admin().then((m) => ({ default: m.AdminSettings })));
export const PreregScreen = lazy(() => loaders.prereg().then((m) => ({ default: m.PreregScreen })));
export const TakeNumberScreen = lazy(() => loaders.takeNumber().then((m) => ({ default: m.TakeNumberScreen })));
export const PreregTicketNote = lazy(() => loaders.preregTicketNote().then((m) => ({ default: m.PreregTicketNote })));
export const QueueSetupScreen = lazy(() => loaders.queueSetup().then((m) => ({ default: m.QueueSetupScreen })));

/** Loads every screen's code in the background, one screen per quiet moment (app/idleWork.ts). */
export function prefetchKioskScreens(): () => void {
  const cancels = Object.values(loaders).map((load) => whenIdle(load, 'later'));
  return () => cancels.forEach((cancel) => cancel());
}
