/**
 * What the worklist and the outbox say: every entry named in words, every reason translated (the
 * server's codes, the local failures) in both languages, never a raw key or the server's English
 * to Vietnamese staff; dates day first; amounts as staff type them.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import vi from '../../locales/vi.json';
import type { AuditAction } from '../../renderer/data/db.ts';
import type { OutboxItem } from '../../renderer/data/outbox.ts';
import { dayMonth, fullDay, instantFromInputs, parseDayMonthYear, timeDayMonth } from '../../renderer/features/counter/counterDates.ts';
import { describeEntry, reasonWords } from '../../renderer/features/counter/outbox/outboxWords.ts';
import { TILE_ROWS, tileLabel } from '../../renderer/features/stats/figureTiles.ts';
import { parseAmount } from '../../renderer/features/counter/worklist/feeAmount.ts';
import { FAILURE_WORDS, KNOWN_REFUSALS } from '../../renderer/sync/apiFailureKey.ts';
import type { FileChangeErrorCode } from '../../shared/files/fileChanges.ts';
import type { TransitionErrorCode } from '../../shared/files/lifecycle.ts';
import { mutationKindSchema } from '../../shared/sync/protocol.ts';
import { SERVER_REJECTION_CODES } from '../../shared/sync/rejectionCodes.ts';

const CHANGE_CODES: FileChangeErrorCode[] = [
  'fileChange.error.reasonRequired',
  'fileChange.error.closed',
  'fileChange.error.resultReady',
  'fileChange.error.dueNotAfterReception',
  'fileChange.error.sameDue',
  'fileChange.error.badTime',
  'fileChange.error.feeAlreadyPaid',
  'fileChange.error.feeBeforeReception',
];
const TRANSITION_CODES: TransitionErrorCode[] = ['fileStatus.error.sameStatus', 'fileStatus.error.finalStatus', 'fileStatus.error.notAllowed', 'fileStatus.error.reasonRequired', 'fileStatus.error.badStamp'];
/** The failure kinds older builds stored as `counter.outbox.failure.*` (outbox rows keep them until the next attempt). */
const OLD_FAILURES = ['offline', 'unauthorised', 'gap', 'rejected', 'not_found', 'server', 'invalid'];
const AUDIT: AuditAction[] = ['file.register', 'file.resend', 'file.cancel', 'file.status', 'file.correct', 'file.due', 'file.fee', 'sync.rejected', 'sync.gap', 'sync.ahead', 'sync.acknowledged'];

beforeAll(async () => {
  await i18next.init({ lng: 'vi', resources: { vi: { translation: vi }, en: { translation: en } }, interpolation: { escapeValue: false } });
});
const t = (lng: 'vi' | 'en') => i18next.getFixedT(lng);
const exists = (key: string) => i18next.exists(key);

const item = (patch: Partial<OutboxItem>): OutboxItem => ({
  seq: 2,
  id: 'x',
  kind: 'file.status',
  at: '2027-03-01T02:00:00.000Z',
  state: 'pending',
  attempts: 0,
  lastError: null,
  lastErrorCode: null,
  sentAt: null,
  fileId: 'f',
  fileNumber: 'XA01-D01-20270301-0001',
  citizenName: 'Nguyễn Văn An',
  personal: null,
  procedureName: 'Đăng ký khai sinh',
  toStatus: 'processing',
  dueAt: null,
  ...patch,
});

describe('the keys built at run time', () => {
  it('has every rejection code, failure kind, history line, file action and tile in both languages', () => {
    const keys = [
      ...SERVER_REJECTION_CODES,
      ...CHANGE_CODES,
      ...TRANSITION_CODES,
      ...OLD_FAILURES.map((k) => `counter.outbox.failure.${k}`),
      ...FAILURE_WORDS.map((k) => `api.failure.${k}`),
      ...KNOWN_REFUSALS.map((c) => `api.refused.${c}`),
      ...AUDIT.map((a) => `counter.worklist.history.${a}`),
      ...['reprint', 'correct', 'fee', 'due', 'apology', 'supplement', 'supplementAgain', 'refusal', 'refusalAgain'].map((a) => `counter.worklist.actions.${a}`),
      ...['pending', 'sent', 'rejected', 'cancelled'].map((s) => `counter.worklist.sync.${s}`),
      ...TILE_ROWS.flatMap((r) => [`stats.rows.${r.key}`, ...r.tiles.map((k) => `stats.figures.${tileLabel(k)}`)]),
    ];
    for (const lng of ['vi', 'en'] as const) expect(keys.filter((k) => !i18next.exists(k, { lng })), lng).toEqual([]);
  });
});

describe('the outbox in words', () => {
  it('names every kind of entry, with its status or date, and never shows a key', () => {
    for (const kind of mutationKindSchema.options) {
      const words = describeEntry(item({ kind, dueAt: kind === 'file.due' ? '2027-03-09T10:00:00.000Z' : null }), t('vi'), fullDay);
      expect(words, kind).not.toMatch(/counter\.|file\.|\{\{/);
    }
    expect(describeEntry(item({ kind: 'file.create' }), t('vi'), fullDay)).toBe('Tiếp nhận hồ sơ XA01-D01-20270301-0001');
    expect(describeEntry(item({}), t('vi'), fullDay)).toBe('Chuyển trạng thái: Đang giải quyết');
    expect(describeEntry(item({ kind: 'file.due', dueAt: '2027-03-09T10:00:00.000Z' }), t('vi'), fullDay)).toBe('Đổi ngày hẹn trả kết quả: 09/03/2027');
  });

  it("translates the server's code and the local failure, and falls back to its own words for a code it does not know", () => {
    const english = 'file X is processing on the server, not received: it was changed elsewhere in the meantime';
    expect(reasonWords(item({ state: 'rejected', lastError: english, lastErrorCode: 'fileStatus.error.staleStatus' }), t('vi'), exists)).toBe(
      'Hồ sơ đã được nơi khác chuyển trạng thái trước; tải lại rồi làm lại.',
    );
    expect(reasonWords(item({ state: 'rejected', lastError: english, lastErrorCode: 'syncReason.fromTheFuture' }), t('vi'), exists)).toBe(
      'Máy chủ từ chối thay đổi này. Báo quản trị viên (chi tiết đã được ghi lại).',
    );
    // An older server sends no code; a code that is not shaped like one is not looked up.
    expect(reasonWords(item({ state: 'rejected', lastError: english, lastErrorCode: null }), t('vi'), exists)).not.toContain('server');
    expect(reasonWords(item({ state: 'rejected', lastError: english, lastErrorCode: 'counter.title' }), t('vi'), exists)).not.toBe(t('vi')('counter.title'));
    expect(reasonWords(item({ lastError: 'cannot reach the server (Failed to fetch)', lastErrorCode: 'counter.outbox.failure.offline' }), t('vi'), exists)).toBe(
      'Không kết nối được máy chủ (mất mạng hoặc máy chủ không trả lời).',
    );
    expect(reasonWords(item({ lastError: 'no answer within 20 s', lastErrorCode: 'api.failure.timeout' }), t('vi'), exists)).toBe(t('vi')('api.failure.timeout'));
    expect(reasonWords(item({ lastError: 'HTTP 502' }), t('vi'), exists)).toBe('Chưa gửi được, máy sẽ tự thử lại.');
    expect(reasonWords(item({}), t('vi'), exists)).toBeNull();
  });
});

describe('dates and amounts at the counter', () => {
  it('writes Vietnam dates day first with slashes, whatever the machine zone', () => {
    expect(dayMonth('2026-11-24T10:00:00Z')).toBe('24/11');
    expect(timeDayMonth('2026-11-24T10:00:00Z')).toBe('17:00 24/11');
    expect(fullDay('2026-11-24T17:30:00Z')).toBe('25/11/2026');
    expect(timeDayMonth('2026-11-24T17:00:00Z')).toBe('00:00 25/11');
  });

  it('reads a date typed day first and refuses one that does not exist', () => {
    expect(parseDayMonthYear('9/3/2027')).toBe('2027-03-09');
    expect(parseDayMonthYear(' 09-03-2027 ')).toBe('2027-03-09');
    expect(parseDayMonthYear('31/02/2027')).toBeNull();
    expect(parseDayMonthYear('2027-03-09')).toBeNull();
    expect(instantFromInputs('2027-03-09', '16:30')).toBe('2027-03-09T09:30:00.000Z');
    expect(instantFromInputs('2027-03-09', '25:00')).toBeNull();
  });

  it('reads amounts of money as typed', () => {
    expect(parseAmount('8.000')).toBe(8000);
    expect(parseAmount('1 250 000')).toBe(1_250_000);
    expect(parseAmount('0')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('tám nghìn')).toBeNull();
  });
});
