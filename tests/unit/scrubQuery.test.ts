/**
 * What a kiosk keeps of a search: numbers of 6+ digits and names go, the words that say what the
 * person needs stay as typed. Each rule is tested with what it must remove and what it must keep.
 */
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../shared/catalog/foldVietnamese.ts';
import { bundledNameParts, parseNameParts } from '../../shared/learning/nameParts.ts';
import { queryKey, scrubQuery } from '../../shared/learning/scrubQuery.ts';

const scrub = (q: string) => scrubQuery(q).text;

/** A small stand-in for the catalog and lexicon words the kiosk knows. */
const VOCABULARY = new Set(['khai', 'sinh', 'cho', 'con', 'giấy', 'xin', 'làm', 'chứng', 'nhận', 'đăng', 'ký', 'kết', 'hôn', 'mất', 'bị', 'sổ', 'đỏ', 'ông', 'tử', 'lại'].map(foldVietnamese));
const knownWord = (folded: string) => VOCABULARY.has(folded);

describe('digits', () => {
  it('removes runs of six digits or more, also typed in groups, and keeps short numbers', () => {
    expect(scrub('khai sinh cho con 012345678912')).toBe('khai sinh cho con');
    expect(scrub('sdt 0912 345 678 goi lai')).toBe('sdt goi lai');
    expect(scrub('sinh ngày 12/05/1990 mất giấy')).toBe('sinh ngày mất giấy');
    expect(scrub('số 0912.345.678')).toBe('số');
    expect(scrub('ông 80 tuổi xin trợ cấp')).toBe('ông 80 tuổi xin trợ cấp');
    expect(scrub('cấp lại lần 2')).toBe('cấp lại lần 2');
    expect(scrub('mã 12345 nhé')).toBe('mã 12345 nhé');
    expect(scrubQuery('cccd 001203004567 và 0988777666').removed.digits).toBe(2);
  });

  it('leaves nothing of a query that was only a number', () => {
    expect(scrub('001203004567')).toBe('');
    expect(scrub('1.001193')).toBe('');
  });

  it('removes e-mail addresses', () => {
    expect(scrub('gửi về an.nguyen@gmail.com nhé')).toBe('gửi về nhé');
  });
});

describe('names', () => {
  it('removes a surname with a middle name and the given name, whatever the capitals and tones', () => {
    expect(scrub('khai tử cho Nguyễn Văn An')).toBe('khai tử cho');
    expect(scrub('khai tu cho nguyen van an bi mat giay')).toBe('khai tu cho bi mat giay');
    expect(scrub('Trần Thị Hoa mất sổ đỏ')).toBe('mất sổ đỏ');
    expect(scrub('Nguyễn Thị Minh Khai xin giấy')).toBe('xin giấy');
  });

  it("removes the names of the ethnic minorities the kiosks serve (Hmông, Thái, Dao)", () => {
    expect(scrub('làm giấy khai sinh cho Giàng A Sử')).toBe('làm giấy khai sinh cho');
    expect(scrub('lo thi mai mat so ho khau')).toBe('mat so ho khau');
    expect(scrub('Bàn Văn Tài đăng ký kết hôn')).toBe('đăng ký kết hôn');
  });

  it('lets a tone the person typed tell a word from a name ("hộ thị" is no "Hồ Thị")', () => {
    expect(scrub('xác nhận hộ thị trấn')).toBe('xác nhận hộ thị trấn');
    // Typed bare, the same words could be a name: privacy errs on the side of removing.
    expect(scrub('xac nhan ho thi tran')).toBe('xac nhan');
  });

  it('removes capitalised words after a title, and keeps the title', () => {
    expect(scrub('khai sinh cho bé Bống')).toBe('khai sinh cho bé');
    expect(scrub('ông Thắng Bờm mất rồi')).toBe('ông mất rồi');
    expect(scrub('cho con đi học')).toBe('cho con đi học');
  });

  it('removes the words after "tên là"', () => {
    expect(scrub('con tôi tên là bống cần giấy khai sinh', )).toBe('con tôi tên là cần giấy khai sinh');
    expect(scrubQuery('con tôi tên là Bống Bang bị mất giấy', { knownWord }).text).toBe('con tôi tên là bị mất giấy');
    expect(scrubQuery('con tên là tèo ti xin giấy', { knownWord }).text).toBe('con tên là xin giấy');
  });

  it('on the kiosk, removes a capitalised word the catalog does not know, unless all is In Title Case', () => {
    expect(scrubQuery('xin giấy khai sinh cho Sùng Pao', { knownWord }).text).toBe('xin giấy khai sinh cho');
    expect(scrubQuery('xin Giấy khai sinh', { knownWord }).text).toBe('xin Giấy khai sinh');
    expect(scrubQuery('Xin Giấy Còn Son', { knownWord }).text).toBe('Xin Giấy Còn Son');
    // Acronyms are not names.
    expect(scrubQuery('làm lại CCCD', { knownWord }).text).toBe('làm lại CCCD');
    // The first word starts a sentence; without the vocabulary the rule does not run.
    expect(scrubQuery('Thắng muốn làm giấy', { knownWord }).text).toBe('Thắng muốn làm giấy');
    expect(scrub('xin giấy khai sinh cho Pao')).toBe('xin giấy khai sinh cho Pao');
  });

  it('keeps everyday words that look like name parts when they are not a name', () => {
    expect(scrub('đăng ký kết hôn')).toBe('đăng ký kết hôn');
    expect(scrub('làm văn bản thỏa thuận')).toBe('làm văn bản thỏa thuận');
    expect(scrub('giấy còn son')).toBe('giấy còn son');
    expect(scrub('lê phí khai sinh')).toBe('lê phí khai sinh');
  });
});

describe('the text kept', () => {
  it('drops invisible characters, collapses spaces and trims dangling punctuation', () => {
    expect(scrub('  khai\u200b  sinh ,  ')).toBe('khai sinh');
    expect(scrub('khai sinh cho, 012345678')).toBe('khai sinh cho');
  });

  it('is at most 200 characters, cut at a word', () => {
    const long = scrub('khai sinh '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('khai') || long.endsWith('sinh')).toBe(true);
  });

  it('counts one line per folded query', () => {
    expect(queryKey('Còn son!')).toBe('con son');
    expect(queryKey('con  son')).toBe(queryKey('CÒN SON'));
    expect(queryKey('Đăng ký')).toBe(foldVietnamese('dang ki'));
  });
});

describe('the name parts file', () => {
  it('is valid and versioned, and refuses a broken one', () => {
    expect(bundledNameParts().version).toBeGreaterThan(0);
    expect(bundledNameParts().surnames.get(foldVietnamese('Nguyễn'))).toBeDefined();
    expect(parseNameParts({ format: 'motcua-name-parts', version: 1, language: 'vi', surnames: ['two words'], middleNames: ['Văn'], titles: [], introducers: [] }).ok).toBe(false);
  });
});
