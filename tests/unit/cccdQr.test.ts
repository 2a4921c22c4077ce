import { describe, expect, it } from 'vitest';
import { findCccdQrIn, looksLikeCccdQr, parseCccdQr, type CccdQrProblemCode } from '../../shared/citizen/cccdQr.ts';

const ADDRESS = 'Số 12 Phố Huế, Phường Ngô Thì Nhậm, Quận Hai Bà Trưng, Hà Nội';
const VALID = `001090012345|012345678|Nguyễn Văn An|12051990|Nam|${ADDRESS}|15042021`;

/** The problem code of a failed parse; fails the test when the parse succeeded. */
function problemOf(text: string): CccdQrProblemCode {
  const result = parseCccdQr(text);
  if (result.ok) throw new Error(`expected a problem for ${JSON.stringify(text)}`);
  expect(result).not.toHaveProperty('value');
  expect(result.error.reason.length).toBeGreaterThan(0);
  return result.error.problem;
}

describe('parseCccdQr', () => {
  it('reads every field of a full card payload', () => {
    expect(parseCccdQr(VALID)).toEqual({
      ok: true,
      value: {
        idNumber: '001090012345',
        oldIdNumber: '012345678',
        fullName: 'Nguyễn Văn An',
        birthDate: '1990-05-12',
        sex: 'male',
        address: ADDRESS,
        issueDate: '2021-04-15',
      },
    });
  });

  it('reads a card without an old ID number as null', () => {
    const result = parseCccdQr(`079305001234||TRẦN THỊ BÌNH|01022005|Nữ|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|20062022`);
    expect(result.ok && result.value).toMatchObject({ oldIdNumber: null, sex: 'female', birthDate: '2005-02-01', fullName: 'TRẦN THỊ BÌNH' });
  });

  it('ignores a trailing CR/LF and spaces a scanner adds', () => {
    const result = parseCccdQr(`  ${VALID}\r\n`);
    expect(result.ok && result.value.issueDate).toBe('2021-04-15');
    expect(parseCccdQr(VALID.replace('|Nam|', '| Nam |')).ok).toBe(true);
  });

  it('tolerates one extra trailing field', () => {
    expect(parseCccdQr(`${VALID}|`).ok).toBe(true);
    expect(parseCccdQr(`${VALID}|extra`).ok).toBe(true);
    expect(problemOf(`${VALID}||`)).toBe('fieldCount');
  });

  it('turns decomposed (NFD) text into NFC and tidies spaces', () => {
    const result = parseCccdQr(VALID.normalize('NFD').replace('Nguyễn Văn', 'Nguyễn   Văn'.normalize('NFD')));
    expect(result.ok && result.value.fullName).toBe('Nguyễn Văn An');
    expect(result.ok && result.value.address).toBe(ADDRESS);
  });

  it('rejects a payload with 6 fields (cut off) without filling anything', () => {
    expect(problemOf(`001090012345|012345678|Nguyễn Văn An|12051990|Nam|${ADDRESS}`)).toBe('fieldCount');
    expect(problemOf('001090012345|012345678|Nguyễn Văn An|120519')).toBe('fieldCount');
  });

  it('rejects a birth date that is not a real day', () => {
    expect(problemOf(`001200012345||Lê Văn Cường|31022000|Nam|${ADDRESS}|15042021`)).toBe('birthDate');
    expect(problemOf(VALID.replace('12051990', '1990-05-12'))).toBe('birthDate');
  });

  it('rejects a sex other than Nam or Nữ', () => {
    expect(problemOf(VALID.replace('|Nam|', '|Male|'))).toBe('sex');
    expect(problemOf(VALID.replace('|Nam|', '||'))).toBe('sex');
    expect(parseCccdQr(VALID.replace('|Nam|', '|NAM|')).ok).toBe(true);
  });

  it('rejects an ID number that does not match the birth year on the card', () => {
    const result = parseCccdQr(VALID.replace('12051990', '12051991'));
    expect(result).toEqual({ ok: false, error: { problem: 'idNumber', idProblem: 'yearMismatch', reason: expect.any(String) } });
  });

  it('rejects an ID number whose sex digit contradicts the card', () => {
    const result = parseCccdQr(VALID.replace('|Nam|', '|Nữ|'));
    expect(result.ok ? null : result.error.idProblem).toBe('sexMismatch');
  });

  it('rejects an ID number with an unknown birth province or the wrong length', () => {
    expect(problemOf(VALID.replace('001090012345', '000090012345'))).toBe('idNumber');
    expect(problemOf(VALID.replace('001090012345', '00109001234'))).toBe('idNumber');
  });

  it('rejects a bad or impossible issue date', () => {
    expect(problemOf(VALID.replace('15042021', '31042021'))).toBe('issueDate');
    expect(problemOf(VALID.replace('15042021', ''))).toBe('issueDate');
    expect(problemOf(VALID.replace('15042021', '15041989'))).toBe('issueDate');
  });

  it('rejects a garbled old ID, an empty name and an empty address', () => {
    expect(problemOf(VALID.replace('012345678', '01234x678'))).toBe('oldIdNumber');
    expect(problemOf(VALID.replace('Nguyễn Văn An', ' '))).toBe('fullName');
    expect(problemOf(VALID.replace(ADDRESS, ''))).toBe('address');
  });

  it('refuses a name no person has (control characters, emoji, over 100 characters) without filling anything', () => {
    const name = (text: string) => parseCccdQr(VALID.replace('Nguyễn Văn An', text));
    expect(name('\u0001\u0002\u0003')).toEqual({ ok: false, error: { problem: 'fullName', textProblem: 'control', reason: expect.any(String) } });
    expect(name('Nguyễn Văn 😀')).toMatchObject({ ok: false, error: { problem: 'fullName', textProblem: 'emoji' } });
    expect(name('Ă'.repeat(101))).toMatchObject({ ok: false, error: { problem: 'fullName', textProblem: 'tooLong' } });
    expect(name('Ă'.repeat(100)).ok).toBe(true);
    expect(parseCccdQr(VALID.replace(ADDRESS, 'Thôn 3\u0007'))).toMatchObject({ ok: false, error: { problem: 'address', textProblem: 'control' } });
  });

  it('refuses a date of birth after today or before 1900, and an issue date after today', () => {
    const today = '2026-11-22';
    expect(parseCccdQr(VALID, { today }).ok).toBe(true);
    const future = parseCccdQr(`001299012345||Nguyễn Văn An|12052099|Nam|${ADDRESS}|15042021`, { today });
    expect(future).toMatchObject({ ok: false, error: { problem: 'birthDate', dateProblem: 'future' } });
    const old = parseCccdQr(`001888012345||Nguyễn Văn An|12051888|Nam|${ADDRESS}|15042021`, { today });
    expect(old).toMatchObject({ ok: false, error: { problem: 'birthDate', dateProblem: 'tooOld' } });
    expect(parseCccdQr(VALID.replace('15042021', '01012027'), { today })).toMatchObject({ ok: false, error: { problem: 'issueDate' } });
  });

  it('says empty for an empty scan', () => {
    expect(problemOf('')).toBe('empty');
    expect(problemOf(' \r\n')).toBe('empty');
  });

  it('says notCccd for other QR codes', () => {
    expect(problemOf('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html')).toBe('notCccd');
    expect(problemOf('https://example.vn/a|b|c|d|e|f|g')).toBe('notCccd');
    expect(problemOf('Nguyễn Văn An')).toBe('notCccd');
    expect(problemOf('001090012345')).toBe('notCccd');
  });
});

describe('looksLikeCccdQr', () => {
  it('spots a card scan by its 12 digits and "|"', () => {
    expect(looksLikeCccdQr(VALID)).toBe(true);
    expect(looksLikeCccdQr('001090012345|')).toBe(true);
    expect(looksLikeCccdQr('\n001090012345|x')).toBe(true);
  });

  it('ignores ordinary typing and other codes', () => {
    expect(looksLikeCccdQr('001090012345')).toBe(false);
    expect(looksLikeCccdQr('00109001234|')).toBe(false);
    expect(looksLikeCccdQr('Nguyễn Văn An')).toBe(false);
    expect(looksLikeCccdQr('https://example.vn')).toBe(false);
    expect(looksLikeCccdQr('')).toBe(false);
  });
});

describe('findCccdQrIn', () => {
  it('finds a complete card typed or dropped after what a field already held', () => {
    expect(findCccdQrIn(`Trần ${VALID}`)).toEqual({ start: 5, card: expect.objectContaining({ idNumber: '001090012345', fullName: 'Nguyễn Văn An' }) });
    expect(findCccdQrIn(VALID)?.start).toBe(0);
  });

  it('finds nothing while the payload is still arriving or when it is not a card', () => {
    expect(findCccdQrIn(VALID.slice(0, 40))).toBeNull();
    expect(findCccdQrIn('Nguyễn Văn An')).toBeNull();
    expect(findCccdQrIn(VALID.replace('12051990', '12051991'))).toBeNull();
  });
});
