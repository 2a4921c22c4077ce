import { describe, expect, it } from 'vitest';
import { foldVietnamese, foldedWords } from '../../shared/catalog/foldVietnamese.ts';

describe('foldVietnamese', () => {
  it('strips tones and vowel marks, so toned and toneless spellings meet', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ki khai sinh');
    expect(foldVietnamese('dang ky khai sinh')).toBe(foldVietnamese('Đăng Ký Khai Sinh'));
    expect(foldVietnamese('ưởng ẩm ỡ ộ ặ')).toBe('uong am o o a');
  });

  it('folds đ and Đ (and the look-alike ð) to d', () => {
    expect(foldVietnamese('đất ĐAI ðất')).toBe('dat dai dat');
  });

  it('treats kí/ký, quí/quý and old/new tone placement (thuỷ/thủy) as one spelling', () => {
    expect(foldVietnamese('kí')).toBe(foldVietnamese('ký'));
    expect(foldVietnamese('quí')).toBe(foldVietnamese('quý'));
    expect(foldVietnamese('thuỷ lợi')).toBe(foldVietnamese('thủy lợi'));
    expect(foldVietnamese('hoà giải')).toBe(foldVietnamese('hòa giải'));
  });

  it('folds NFD input (combining marks) like NFC input', () => {
    const nfd = 'Thủ tục đăng ký kết hôn'.normalize('NFD');
    expect(nfd).not.toBe('Thủ tục đăng ký kết hôn');
    expect(foldVietnamese(nfd)).toBe('thu tuc dang ki ket hon');
  });

  it('keeps a half-typed y word a prefix of the whole word', () => {
    expect(foldVietnamese('quyết').startsWith(foldVietnamese('quy'))).toBe(true);
  });

  it('turns punctuation into single spaces and splits into words', () => {
    expect(foldVietnamese('  Cấp, quản lý căn cước (cấp xã);  1.001193 ')).toBe('cap quan li can cuoc cap xa 1 001193');
    expect(foldedWords('Hòa giải — ở cơ sở!')).toEqual(['hoa', 'giai', 'o', 'co', 'so']);
    expect(foldedWords(' ,.; ')).toEqual([]);
  });

  it('handles long text', () => {
    expect(foldVietnamese('Đất '.repeat(20_000)).length).toBe(20_000 * 4 - 1);
  });
});
