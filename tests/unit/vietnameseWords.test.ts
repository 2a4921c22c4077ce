import { describe, expect, it } from 'vitest';
import { readWords, toneAgreement, toneOf, undoTyping } from '../../shared/catalog/language/vietnameseWords.ts';

describe('reading Vietnamese words with their tones', () => {
  it('keeps the tone and whether the person typed a mark', () => {
    expect(readWords('Lào lao')).toEqual([
      { folded: 'lao', tone: 2, marked: true, text: 'lào' },
      { folded: 'lao', tone: 0, marked: false, text: 'lao' },
    ]);
    expect(readWords('công')[0]).toMatchObject({ tone: 0, marked: true });
    expect(readWords('đang')[0]).toMatchObject({ folded: 'dang', marked: true });
  });

  it('reads NFD input and old tone placement like NFC', () => {
    expect(readWords('thuỷ'.normalize('NFD'))[0]).toMatchObject({ folded: 'thui', tone: 3 });
    expect(toneOf('hoà')).toBe(toneOf('hòa'));
  });

  it('lets hỏi and ngã swap cheaply, other tones not', () => {
    expect(toneAgreement(3, 4)).toBeGreaterThan(0.8);
    expect(toneAgreement(2, 0)).toBeLessThan(0.5);
    expect(toneAgreement(1, 1)).toBe(1);
  });
});

describe('undoing Telex and VNI leftovers', () => {
  it('reads Telex tone keys and vowel doubling', () => {
    expect(undoTyping('giaays')).toEqual({ folded: 'giai', tone: 1 });
    expect(undoTyping('chuwng')).toEqual({ folded: 'chung', tone: 0 });
    expect(undoTyping('ngoaif')).toEqual({ folded: 'ngoai', tone: 2 });
    expect(undoTyping('sanr')).toEqual({ folded: 'san', tone: 3 });
    expect(undoTyping('gayx')).toEqual({ folded: 'gai', tone: 4 });
  });

  it('reads VNI digits', () => {
    expect(undoTyping('nha65n')).toEqual({ folded: 'nhan', tone: 5 });
    expect(undoTyping('ky1')).toEqual({ folded: 'ki', tone: 1 });
    expect(undoTyping('mu7o7ng')).toEqual({ folded: 'muong', tone: 0 });
  });

  it('leaves alone what shows no trace of either', () => {
    expect(undoTyping('khai')).toBeNull();
    expect(undoTyping('1001193')).toBeNull();
    expect(undoTyping('xs')).toBeNull();
  });
});
