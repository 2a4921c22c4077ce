import { describe, expect, it } from 'vitest';
import { applyTone } from '../../renderer/features/keyboard/vietnameseTone.ts';

describe('the keyboard tone row', () => {
  it('puts the tone on the single vowel of the last word', () => {
    expect(applyTone('khai sinh', 'sac')).toBe('khai sính');
    expect(applyTone('dang', 'huyen')).toBe('dàng');
  });
  it('marks the shaped vowel first (ê, ơ, ư, â)', () => {
    expect(applyTone('kêt', 'sac')).toBe('kết');
    expect(applyTone('thương', 'huyen')).toBe('thường');
    expect(applyTone('tư', 'nang')).toBe('tự');
    expect(applyTone('cân', 'nga')).toBe('cẫn');
  });
  it('follows the open and closed syllable rules', () => {
    expect(applyTone('hoa', 'huyen')).toBe('hòa');
    expect(applyTone('khai', 'sac')).toBe('khái');
    expect(applyTone('hoang', 'huyen')).toBe('hoàng');
    expect(applyTone('nguyên', 'huyen')).toBe('nguyền');
  });
  it('treats qu and gi as consonants', () => {
    expect(applyTone('quy', 'sac')).toBe('quý');
    expect(applyTone('gia', 'huyen')).toBe('già');
    expect(applyTone('quyên', 'nang')).toBe('quyện');
  });
  it('replaces a tone and removes it when tapped again', () => {
    expect(applyTone('sính', 'huyen')).toBe('sình');
    expect(applyTone('sính', 'sac')).toBe('sinh');
  });
  it('leaves text without a vowel alone', () => {
    expect(applyTone('', 'sac')).toBe('');
    expect(applyTone('khai ', 'sac')).toBe('khai ');
    expect(applyTone('nhh', 'sac')).toBe('nhh');
  });
  it('keeps capitals', () => {
    expect(applyTone('Đang', 'nang')).toBe('Đạng');
  });
});
