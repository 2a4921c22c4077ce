/** Builders for the pre-registration tests: a kiosk's draft as the kiosk makes it. */
import { randomUUID } from 'node:crypto';
import { newDraftCode, type PreregDraft } from '../../shared/prereg/preregDraft.ts';

/** A draft from the kiosk with `deviceCode`, confirmed at `at`. */
export function makeDraft(deviceCode: string, at: Date, overrides: Partial<PreregDraft> = {}): PreregDraft {
  return {
    id: randomUUID(),
    code: newDraftCode(deviceCode),
    createdAt: at.toISOString(),
    citizen: {
      fullName: 'Lò Thị Mai',
      birthDate: '1992-08-09',
      idNumber: '014192000123', // 014 Sơn La, a woman born in 1992, as the birth date and sex say
      sex: 'female',
      phone: null,
      address: 'Bản Mòng, xã Chiềng Cơi, tỉnh Sơn La',
    },
    source: 'card',
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', brought: true },
      { name: 'Giấy chứng sinh', brought: false },
    ],
    ...overrides,
  };
}
