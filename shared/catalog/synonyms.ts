/**
 * Citizens' everyday words for what the catalog calls by its legal name: a person asks for a
 * "sổ đỏ", the catalog says "giấy chứng nhận quyền sử dụng đất". Search expands a phrase found here
 * into the catalog wording as an alternative; the person's own words stay searchable too, because
 * some of them ("kinh doanh", "nhập khẩu") are catalog words as well.
 * Everything is compared folded (toneless), so "so do" and "sổ đỏ" are the same key.
 */
import { foldedWords } from './foldVietnamese.ts';

export interface Synonym {
  /** What people say at the counter or type at the kiosk. */
  say: readonly string[];
  /** The catalog's wording; each entry is one alternative phrase. */
  means: readonly string[];
}

const LAND_CERTIFICATE = 'giấy chứng nhận quyền sử dụng đất';

/**
 * Curated from the names in the commune catalog and the words people use for them. Only general
 * vocabulary belongs here: a word is added because people say it, never to fix one query.
 */
export const CITIZEN_SYNONYMS: readonly Synonym[] = [
  // Land
  { say: ['sổ đỏ', 'sổ hồng', 'bìa đỏ', 'bìa hồng', 'giấy đỏ', 'sổ đất', 'giấy tờ đất', 'giấy tờ nhà đất', 'bằng khoán'], means: [LAND_CERTIFICATE] },
  { say: ['làm sổ đỏ', 'làm sổ hồng', 'cấp sổ đỏ', 'cấp sổ hồng', 'xin sổ đỏ'], means: [`cấp ${LAND_CERTIFICATE} lần đầu`] },
  { say: ['thổ cư', 'đất thổ cư'], means: ['đất ở'] },
  { say: ['lên thổ cư', 'chuyển thổ cư', 'chuyển đất', 'chuyển đổi đất'], means: ['chuyển mục đích sử dụng đất'] },
  { say: ['mua bán đất', 'bán đất', 'mua đất', 'sang tên đất', 'sang tên sổ đỏ', 'sang tên', 'sang nhượng'], means: ['chuyển nhượng quyền sử dụng đất', 'giao dịch quyền sử dụng đất'] },
  { say: ['tặng đất', 'cho đất', 'hiến đất'], means: ['tặng cho quyền sử dụng đất'] },
  { say: ['cãi nhau đất', 'lấn đất', 'lấn chiếm đất', 'tranh chấp ranh giới', 'kiện đất'], means: ['tranh chấp đất đai'] },
  { say: ['thế chấp', 'thế chấp đất', 'thế chấp sổ đỏ', 'vay ngân hàng'], means: ['biện pháp bảo đảm bằng quyền sử dụng đất'] },
  { say: ['tiền đất', 'nợ tiền đất'], means: ['tiền sử dụng đất'] },

  // Certification (chứng thực)
  { say: ['công chứng', 'photo công chứng', 'phô tô công chứng', 'sao y', 'sao y bản chính', 'bản sao công chứng', 'chứng thực giấy tờ'], means: ['chứng thực bản sao', 'bản sao từ bản chính'] },
  { say: ['công chứng chữ ký', 'xác nhận chữ ký', 'thị thực chữ ký', 'ký xác nhận'], means: ['chứng thực chữ ký'] },
  { say: ['dịch thuật', 'công chứng dịch', 'dịch giấy tờ', 'bản dịch'], means: ['chứng thực chữ ký người dịch'] },
  { say: ['hợp đồng', 'công chứng hợp đồng'], means: ['giao dịch', 'chứng thực giao dịch'] },
  { say: ['chia thừa kế', 'chia tài sản', 'chia đất', 'thừa kế', 'chia di sản'], means: ['phân chia di sản'] },
  { say: ['từ chối thừa kế', 'không nhận thừa kế', 'nhường thừa kế'], means: ['từ chối nhận di sản'] },
  { say: ['giấy tờ gốc', 'bản gốc'], means: ['bản chính', 'sổ gốc'] },

  // Identity and residence
  { say: ['làm căn cước', 'làm cccd', 'cccd', 'căn cước công dân', 'chứng minh thư', 'chứng minh nhân dân', 'cmnd', 'cmt', 'làm chứng minh', 'thẻ căn cước công dân'], means: ['căn cước', 'thẻ căn cước'] },
  { say: ['làm lại', 'xin lại'], means: ['cấp lại'] },
  { say: ['đổi'], means: ['cấp đổi'] },
  { say: ['vneid', 'định danh', 'tài khoản định danh'], means: ['tài khoản định danh điện tử'] },
  { say: ['hộ khẩu', 'sổ hộ khẩu', 'nhập khẩu', 'nhập hộ khẩu', 'chuyển khẩu', 'chuyển hộ khẩu'], means: ['thường trú', 'đăng ký thường trú'] },
  { say: ['cắt khẩu', 'cắt hộ khẩu', 'xóa hộ khẩu', 'xóa khẩu'], means: ['xóa đăng ký thường trú'] },
  { say: ['tách khẩu', 'tách hộ khẩu'], means: ['tách hộ'] },
  { say: ['ở trọ', 'thuê trọ', 'nhà trọ', 'ở nhờ', 'ở tạm'], means: ['tạm trú', 'đăng ký tạm trú'] },
  { say: ['khách ở nhờ', 'có khách', 'khách đến ở', 'khai báo lưu trú'], means: ['thông báo lưu trú'] },
  { say: ['đi làm xa', 'đi xa', 'vắng nhà', 'đi vắng', 'đi xuất khẩu lao động'], means: ['tạm vắng', 'khai báo tạm vắng'] },
  { say: ['passport'], means: ['hộ chiếu'] },
  { say: ['tra cứu', 'tra cứu thông tin', 'xem thông tin', 'tra thông tin', 'lấy thông tin'], means: ['khai thác thông tin', 'xác nhận thông tin'] },

  // Civil status (hộ tịch)
  { say: ['độc thân', 'giấy độc thân', 'chưa vợ', 'chưa chồng', 'chưa kết hôn', 'chưa lập gia đình'], means: ['xác nhận tình trạng hôn nhân'] },
  { say: ['người mất', 'chết', 'qua đời', 'từ trần', 'tử vong', 'báo tử', 'giấy báo tử', 'mất rồi', 'người nhà mất', 'người thân mất', 'bố mất', 'mẹ mất', 'ông mất', 'bà mất', 'chồng mất', 'vợ mất'], means: ['khai tử', 'đăng ký khai tử'] },
  { say: ['làm giấy khai sinh cho con', 'làm giấy khai sinh', 'làm khai sinh', 'giấy khai sinh cho con', 'khai sinh cho con', 'sinh con', 'đẻ con', 'mới sinh', 'em bé mới sinh', 'sinh em bé'], means: ['đăng ký khai sinh', 'khai sinh'] },
  { say: ['cưới', 'cưới vợ', 'cưới chồng', 'lấy vợ', 'lấy chồng', 'đám cưới', 'giấy đăng ký kết hôn', 'giấy kết hôn', 'đăng ký cưới', 'cưới hỏi'], means: ['kết hôn', 'đăng ký kết hôn'] },
  { say: ['ly dị', 'bỏ nhau', 'li dị'], means: ['ly hôn'] },
  { say: ['lấy chồng nước ngoài', 'lấy vợ nước ngoài', 'lấy người nước ngoài', 'cưới người nước ngoài'], means: ['kết hôn có yếu tố nước ngoài'] },
  { say: ['sửa tên', 'đổi tên', 'đổi họ', 'sửa họ', 'sai tên', 'sửa ngày sinh', 'sai ngày sinh', 'sửa giấy khai sinh', 'đổi dân tộc', 'sửa dân tộc'], means: ['thay đổi cải chính hộ tịch', 'cải chính', 'xác định lại dân tộc'] },
  { say: ['bản sao giấy khai sinh', 'mất giấy khai sinh', 'xin lại giấy khai sinh', 'sao giấy khai sinh', 'trích lục'], means: ['bản sao trích lục hộ tịch', 'bản sao giấy khai sinh'] },
  { say: ['nhận con', 'nhận cha con', 'nhận bố', 'nhận mẹ', 'nhận bố con', 'xác nhận cha con', 'nhận con ngoài giá thú'], means: ['nhận cha mẹ con'] },
  { say: ['bố'], means: ['cha'] },
  { say: ['con nuôi', 'nhận con nuôi', 'xin con nuôi', 'nhận nuôi'], means: ['nuôi con nuôi'] },
  { say: ['người giám hộ', 'trông nom', 'chăm sóc người mất năng lực'], means: ['giám hộ'] },
  { say: ['bé', 'em bé', 'con nhỏ', 'trẻ con', 'trẻ nhỏ', 'cháu nhỏ'], means: ['trẻ em'] },

  // Building and housing
  { say: ['xây nhà', 'làm nhà', 'xây dựng nhà', 'cất nhà', 'dựng nhà', 'xây nhà ở', 'phép xây nhà'], means: ['giấy phép xây dựng', 'cấp giấy phép xây dựng mới'] },
  { say: ['sửa nhà', 'sửa chữa nhà', 'cải tạo nhà', 'nâng cấp nhà'], means: ['giấy phép xây dựng sửa chữa cải tạo'] },
  { say: ['dời nhà', 'di chuyển nhà'], means: ['giấy phép di dời'] },
  { say: ['nhà xã hội', 'nhà giá rẻ', 'mua nhà giá rẻ', 'nhà ở giá rẻ'], means: ['nhà ở xã hội'] },
  { say: ['chặt cây', 'đốn cây', 'chặt cây xanh'], means: ['chặt hạ cây xanh'] },
  { say: ['lòng lề đường', 'lấn vỉa hè', 'dùng vỉa hè', 'bày hàng vỉa hè'], means: ['sử dụng tạm thời lòng đường vỉa hè'] },

  // Household business
  { say: ['mở quán', 'mở cửa hàng', 'mở tiệm', 'mở shop', 'buôn bán', 'bán hàng', 'kinh doanh', 'đăng ký kinh doanh', 'giấy phép kinh doanh', 'làm ăn', 'mở hàng'], means: ['hộ kinh doanh', 'đăng ký thành lập hộ kinh doanh'] },
  { say: ['đóng quán', 'nghỉ bán', 'dẹp quán', 'nghỉ kinh doanh', 'thôi kinh doanh', 'giải thể hộ kinh doanh'], means: ['chấm dứt hoạt động hộ kinh doanh'] },
  { say: ['tạm nghỉ bán', 'tạm nghỉ kinh doanh', 'tạm đóng cửa'], means: ['tạm ngừng kinh doanh'] },
  { say: ['đổi địa chỉ kinh doanh', 'đổi chủ quán', 'đổi ngành nghề'], means: ['thay đổi nội dung đăng ký hộ kinh doanh'] },
  { say: ['htx'], means: ['hợp tác xã'] },

  // Poverty, labour and social insurance
  { say: ['nghèo', 'sổ nghèo', 'giấy chứng nhận hộ nghèo', 'khó khăn', 'hộ khó khăn'], means: ['hộ nghèo', 'hộ cận nghèo'] },
  { say: ['thoát nghèo', 'ra khỏi hộ nghèo'], means: ['hộ thoát nghèo'] },
  { say: ['lương thấp', 'thu nhập ít'], means: ['thu nhập thấp'] },
  { say: ['bảo hiểm y tế', 'thẻ bảo hiểm y tế', 'thẻ bảo hiểm', 'bảo hiểm khám bệnh'], means: ['bhyt', 'thẻ bhyt', 'bảo hiểm y tế'] },
  { say: ['bảo hiểm xã hội', 'sổ bảo hiểm'], means: ['bhxh', 'sổ bhxh'] },
  { say: ['tai nạn lao động'], means: ['tnlđ'] },
  { say: ['bệnh nghề nghiệp'], means: ['bnn'] },
  { say: ['thất nghiệp', 'mất việc'], means: ['trợ cấp thất nghiệp', 'bhtn'] },
  { say: ['nghỉ đẻ', 'sinh đẻ', 'có bầu', 'mang thai'], means: ['thai sản', 'chế độ thai sản'] },
  { say: ['về hưu', 'nghỉ hưu', 'hưu trí'], means: ['lương hưu'] },
  { say: ['ốm', 'bị ốm', 'nghỉ ốm'], means: ['ốm đau', 'chế độ ốm đau'] },
  { say: ['tiền tuất', 'tuất', 'tiền mai táng'], means: ['tử tuất', 'chế độ tử tuất'] },
  { say: ['thương binh', 'liệt sĩ', 'gia đình chính sách'], means: ['người có công'] },
  { say: ['cai nghiện', 'bỏ ma túy', 'nghiện ma túy'], means: ['cai nghiện ma túy tự nguyện'] },

  // Vehicles and travel
  { say: ['xe máy', 'ô tô', 'xe hơi', 'biển số', 'cà vẹt', 'cà vẹt xe', 'giấy tờ xe'], means: ['đăng ký xe', 'chứng nhận đăng ký xe biển số xe'] },
  { say: ['mua xe', 'xe mới'], means: ['đăng ký xe lần đầu'] },
  { say: ['bán xe', 'sang tên xe'], means: ['thay đổi chủ xe'] },
  { say: ['thuyền', 'ghe', 'đò', 'tàu thuyền', 'xuồng'], means: ['phương tiện thủy nội địa'] },
  { say: ['bằng lái', 'bằng lái xe'], means: ['giấy phép lái xe'] },

  // Complaints and disputes
  { say: ['kiện', 'đi kiện', 'khởi kiện'], means: ['khởi kiện', 'khiếu nại'] },
  { say: ['mâu thuẫn', 'xích mích', 'bất hòa'], means: ['hòa giải'] },
  { say: ['đóng thuế', 'trả thuế'], means: ['nộp thuế'] },
];

/** One citizen phrase found in a query, with the catalog phrases it may stand for. */
export interface SynonymMatch {
  /** How many query words the phrase covers. */
  length: number;
  /** Folded catalog phrases, each as words; the person's own words are not included. */
  meanings: string[][];
}

export interface SynonymMatcher {
  /** The longest citizen phrase starting at `start` in the folded words, if any. */
  matchAt(words: readonly string[], start: number): SynonymMatch | undefined;
}

/** Folds the table once into a lookup keyed by each phrase's first word. */
export function compileSynonyms(table: readonly Synonym[] = CITIZEN_SYNONYMS): SynonymMatcher {
  const byFirstWord = new Map<string, { words: string[]; meanings: string[][] }[]>();
  for (const entry of table) {
    const meanings = entry.means.map(foldedWords).filter((m) => m.length > 0);
    for (const phrase of entry.say) {
      const words = foldedWords(phrase);
      const first = words[0];
      if (first === undefined) continue;
      const list = byFirstWord.get(first) ?? [];
      const same = list.find((x) => x.words.join(' ') === words.join(' '));
      // A phrase listed under two entries (people mean either) keeps both meanings.
      if (same) same.meanings.push(...meanings);
      else list.push({ words, meanings: [...meanings] });
      byFirstWord.set(first, list);
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  return {
    matchAt(words, start) {
      const first = words[start];
      if (first === undefined) return undefined;
      const candidates = byFirstWord.get(first);
      if (!candidates) return undefined;
      for (const c of candidates) {
        if (c.words.every((w, i) => words[start + i] === w)) return { length: c.words.length, meanings: c.meanings };
      }
      return undefined;
    },
  };
}
