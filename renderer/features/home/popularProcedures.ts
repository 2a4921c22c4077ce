/**
 * The home screen's big tiles: what people come to a commune center for most. Each tile opens
 * its procedure when the catalog has that code, or runs its search otherwise; a tile with
 * neither is hidden, so a different catalog never shows a dead button.
 */
export interface PopularTile {
  /** i18n key under home.tiles */
  id: string;
  code: string;
  query: string;
}

export const POPULAR_TILES: PopularTile[] = [
  { id: 'birth', code: '1.001193', query: 'đăng ký khai sinh' },
  { id: 'marriage', code: '1.000894', query: 'đăng ký kết hôn' },
  { id: 'death', code: '1.000656', query: 'đăng ký khai tử' },
  { id: 'certifyCopy', code: '2.000815', query: 'chứng thực bản sao từ bản chính' },
  { id: 'maritalStatus', code: '1.004873', query: 'xác nhận tình trạng hôn nhân' },
  { id: 'civilExtract', code: '2.000635', query: 'cấp bản sao trích lục hộ tịch' },
  { id: 'residence', code: '', query: 'đăng ký thường trú' },
  { id: 'idCard', code: '1.014063', query: 'cấp đổi thẻ căn cước' },
  { id: 'landCertificate', code: '', query: 'giấy chứng nhận quyền sử dụng đất lần đầu' },
  { id: 'household', code: '1.001612', query: 'thành lập hộ kinh doanh' },
  { id: 'building', code: '', query: 'giấy phép xây dựng nhà ở' },
  { id: 'poorHousehold', code: '', query: 'hộ nghèo' },
];
