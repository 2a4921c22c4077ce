import { describe, expect, it } from 'vitest';
import { matchedPhrases } from '../../renderer/features/search/matchedPhrases.ts';

describe('why a result matched, as the card shows it', () => {
  it('joins words found as typed into one phrase and keeps the catalog wording of the others', () => {
    expect(
      matchedPhrases([
        { typed: 'khai', found: 'khai' },
        { typed: 'sinh', found: 'Sinh' },
        { typed: 'sổ đỏ', found: 'giấy chứng nhận quyền sử dụng đất' },
        { typed: 'mất', found: 'mất' },
      ]),
    ).toEqual([
      { typed: 'khai sinh', found: null },
      { typed: 'sổ đỏ', found: 'giấy chứng nhận quyền sử dụng đất' },
      { typed: 'mất', found: null },
    ]);
    expect(matchedPhrases([])).toEqual([]);
  });
});
