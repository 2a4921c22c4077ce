/**
 * Sample catalog of the most common commune-level procedures, used on first run and whenever no real
 * catalog has been imported. SAMPLE DATA, not authoritative: facts are copied from the national portal
 * snapshot (procedures_commune.json) and cleaned by hand; the imported catalog always replaces it.
 */
import type { Catalog, Channel, Procedure, RequiredDocument, SubmissionMethod } from './procedure.ts';

type Time = SubmissionMethod['time'];
type Fee = SubmissionMethod['fee'];

const LABELS: Record<Channel, string> = {
  in_person: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
  other: 'Khác',
};

/** The same time and fee for every listed channel, in the order given. */
function methods(channels: Channel[], time: Time, fee: Fee): SubmissionMethod[] {
  return channels.map((channel) => ({ channel, label: LABELS[channel], time, fee }));
}

function doc(group: string | null, name: string, originals: number, copies: number, form: string | null = null): RequiredDocument {
  return { group, name, form, originals, copies };
}

const ALL_CHANNELS: Channel[] = ['in_person', 'online', 'postal'];
const SAME_DAY: Time = { value: 1, unit: 'working_day' };
const COMMUNE_CENTER = 'Trung tâm Phục vụ hành chính công cấp xã';
const COMMUNE_PEOPLES_COMMITTEE = 'Ủy ban nhân dân cấp xã';
const CITIZEN = 'Công dân Việt Nam';
const OVERSEAS_VIETNAMESE = 'Người Việt Nam định cư ở nước ngoài';
const ORGANISATION = 'Tổ chức (không bao gồm doanh nghiệp, HTX)';

const communeAgencies: Procedure['agencies'] = {
  competent: COMMUNE_PEOPLES_COMMITTEE,
  executing: COMMUNE_PEOPLES_COMMITTEE,
  authorized: null,
  coordinating: null,
  receivingAddress: COMMUNE_CENTER,
};

/* Documents and legal bases shared by the civil-status (hộ tịch) procedures. */
const PRESENT = 'Giấy tờ phải xuất trình';
const SUBMIT = 'Giấy tờ phải nộp';
const identityPaper = doc(
  PRESENT,
  'Giấy tờ tùy thân còn giá trị (thẻ căn cước, căn cước điện tử, thẻ căn cước công dân, hộ chiếu...); nếu đã có trong Cơ sở dữ liệu quốc gia về dân cư thì chỉ cần cung cấp số định danh cá nhân',
  1,
  0,
);
const residencePaper = doc(
  PRESENT,
  'Giấy tờ chứng minh nơi cư trú (chỉ khi cơ quan đăng ký không khai thác được thông tin cư trú từ Cơ sở dữ liệu quốc gia về dân cư)',
  1,
  0,
);
function civilStatusProxy(what: string): RequiredDocument {
  return doc(
    SUBMIT,
    `Văn bản ủy quyền (nếu ủy quyền ${what}); không phải chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền`,
    1,
    0,
  );
}
const civilStatusLaw = [
  { title: 'Luật Hộ tịch 2014', code: '60/2014/QH13' },
  { title: 'Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', code: '123/2015/NĐ-CP' },
  { title: 'Nghị định số 07/2025/NĐ-CP sửa đổi, bổ sung một số điều của các Nghị định trong lĩnh vực hộ tịch, quốc tịch, chứng thực', code: '07/2025/NĐ-CP' },
  { title: 'Nghị định số 120/2025/NĐ-CP phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp', code: '120/2025/NĐ-CP' },
  { title: 'Nghị định số 87/2020/NĐ-CP về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến', code: '87/2020/NĐ-CP' },
  { title: 'Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', code: '04/2020/TT-BTP' },
];
const provincialFeeLaw = {
  title: 'Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân cấp tỉnh',
  code: '85/2019/TT-BTC',
};
const copyFeeLaw = { title: 'Thông tư số 281/2016/TT-BTC quy định mức thu phí cấp bản sao trích lục hộ tịch', code: '281/2016/TT-BTC' };
const COPY_FEE_NOTE = 'Bản sao trích lục/Giấy tờ hộ tịch (nếu yêu cầu): 8.000 đồng/bản (Thông tư 281/2016/TT-BTC).';
const civilStatusSteps = (result: string): string =>
  [
    '1. Nộp hồ sơ tại Trung tâm Phục vụ hành chính công cấp xã, qua bưu chính, hoặc trực tuyến trên Cổng Dịch vụ công quốc gia/ứng dụng VNeID.',
    '2. Cán bộ tiếp nhận kiểm tra hồ sơ: đủ thì viết phiếu hẹn; chưa đủ thì hướng dẫn bổ sung một lần, ghi rõ giấy tờ còn thiếu.',
    '3. Công chức tư pháp - hộ tịch thẩm tra, ghi Sổ hộ tịch và cập nhật Phần mềm đăng ký, quản lý hộ tịch điện tử dùng chung.',
    `4. Lãnh đạo Ủy ban nhân dân cấp xã ký ${result}; nhận kết quả tại Trung tâm (nộp trực tuyến thì nhận thêm bản điện tử).`,
  ].join('\n');

const certificationLaw = [
  { title: 'Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', code: '23/2015/NĐ-CP' },
  { title: 'Nghị định số 280/2025/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 23/2015/NĐ-CP', code: '280/2025/NĐ-CP' },
  { title: 'Thông tư số 01/2020/TT-BTP quy định chi tiết và hướng dẫn thi hành Nghị định số 23/2015/NĐ-CP', code: '01/2020/TT-BTP' },
  { title: 'Thông tư số 226/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', code: '226/2016/TT-BTC' },
];
const CERTIFICATION_TIME_NOTE =
  'Trả kết quả trong ngày tiếp nhận; nếu tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo (Điều 7 Nghị định 23/2015/NĐ-CP); yêu cầu nhiều giấy tờ, nhiều trang có thể hẹn lại theo thỏa thuận.';

const procedures: Procedure[] = [
  {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    communeLevel: true,
    verticalAgency: false,
    ministry: 'Bộ Tư pháp',
    decision: '163/QĐ-BTP',
    procedureType: 'TTHC được giao luật quy định chi tiết',
    subjects: [CITIZEN, OVERSEAS_VIETNAMESE],
    agencies: communeAgencies,
    methods: methods(ALL_CHANNELS, SAME_DAY, {
      free: true,
      amount: 0,
      currency: null,
      text: `Miễn lệ phí đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh). Đăng ký quá hạn: lệ phí do Hội đồng nhân dân cấp tỉnh quy định. ${COPY_FEE_NOTE}`,
    }),
    documents: [
      doc(SUBMIT, 'Tờ khai đăng ký khai sinh (nộp trực tuyến thì khai theo mẫu điện tử tương tác trên Cổng Dịch vụ công)', 1, 0, 'Tờ khai đăng ký khai sinh'),
      doc(SUBMIT, 'Giấy chứng sinh; nếu không có thì văn bản của người làm chứng xác nhận việc sinh; nếu không có người làm chứng thì giấy cam đoan về việc sinh', 1, 0),
      civilStatusProxy('đi đăng ký khai sinh'),
      doc(SUBMIT, 'Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập (nếu là trẻ bị bỏ rơi)', 1, 0),
      doc(SUBMIT, 'Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản (nếu trẻ sinh ra do mang thai hộ)', 1, 0),
      identityPaper,
      residencePaper,
    ],
    legalBasis: [...civilStatusLaw, provincialFeeLaw, copyFeeLaw],
    results: [{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }],
    steps: civilStatusSteps('Giấy khai sinh (trẻ được cấp số định danh cá nhân)'),
    requirements: [
      'Trong 60 ngày kể từ ngày sinh, cha hoặc mẹ đăng ký khai sinh cho con; nếu cha, mẹ không thể đi thì ông, bà, người thân thích khác hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ đăng ký.',
      'Ông, bà, người thân đi đăng ký thay không cần văn bản ủy quyền của cha, mẹ nhưng phải thống nhất với cha, mẹ về nội dung khai sinh.',
      'Hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.',
      'Trẻ dưới 6 tuổi có thể làm liên thông khai sinh - đăng ký thường trú - cấp thẻ bảo hiểm y tế (thủ tục 2.000986).',
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
  },
  {
    code: '1.000894',
    name: 'Thủ tục đăng ký kết hôn',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    communeLevel: true,
    verticalAgency: false,
    ministry: 'Bộ Tư pháp',
    decision: '163/QĐ-BTP',
    procedureType: 'TTHC được giao luật quy định chi tiết',
    subjects: [CITIZEN],
    agencies: communeAgencies,
    methods: methods(ALL_CHANNELS, SAME_DAY, {
      free: true,
      amount: 0,
      currency: null,
      text: `Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước. ${COPY_FEE_NOTE}`,
    }),
    documents: [
      doc(SUBMIT, 'Tờ khai đăng ký kết hôn, có đủ thông tin của hai bên nam, nữ (hai bên có thể khai chung một tờ khai)', 1, 0, 'Tờ khai đăng ký kết hôn'),
      doc(PRESENT, 'Giấy tờ tùy thân còn giá trị của cả hai bên nam, nữ; nếu đã có trong Cơ sở dữ liệu quốc gia về dân cư thì chỉ cần cung cấp số định danh cá nhân', 1, 0),
      residencePaper,
    ],
    legalBasis: [
      { title: 'Luật Hôn nhân và gia đình 2014', code: '52/2014/QH13' },
      ...civilStatusLaw,
      provincialFeeLaw,
      copyFeeLaw,
    ],
    results: [{ name: 'Giấy chứng nhận kết hôn', code: 'KQ.G15.000032' }],
    steps: civilStatusSteps('Giấy chứng nhận kết hôn; hai bên nam, nữ cùng có mặt để ký Sổ hộ tịch và Giấy chứng nhận kết hôn'),
    requirements: [
      'Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; tự nguyện quyết định; không bị mất năng lực hành vi dân sự; không thuộc trường hợp cấm kết hôn (Luật Hôn nhân và gia đình 2014).',
      'Cơ quan đăng ký tự tra cứu tình trạng hôn nhân trong Cơ sở dữ liệu hộ tịch điện tử và Cơ sở dữ liệu quốc gia về dân cư; nếu chưa có dữ liệu thì đề nghị Ủy ban nhân dân cấp xã nơi thường trú xác minh (trong 03 ngày làm việc).',
      'Trả kết quả trong ngày; trường hợp cần xác minh thì thời hạn có thể kéo dài.',
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-a15eb239a6fe',
  },
  {
    code: '1.000656',
    name: 'Thủ tục đăng ký khai tử',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    communeLevel: true,
    verticalAgency: false,
    ministry: 'Bộ Tư pháp',
    decision: '163/QĐ-BTP',
    procedureType: 'TTHC được giao luật quy định chi tiết',
    subjects: [CITIZEN],
    agencies: communeAgencies,
    methods: methods(ALL_CHANNELS, SAME_DAY, {
      free: true,
      amount: 0,
      currency: null,
      text: `Miễn lệ phí đăng ký khai tử đúng hạn (trong 15 ngày kể từ ngày chết) và cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật; trường hợp khác: lệ phí do Hội đồng nhân dân cấp tỉnh quy định. ${COPY_FEE_NOTE}`,
    }),
    documents: [
      doc(SUBMIT, 'Tờ khai đăng ký khai tử (nộp trực tuyến thì khai theo mẫu điện tử tương tác)', 1, 0, 'Tờ khai đăng ký khai tử'),
      doc(SUBMIT, 'Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp (không phải nộp bản giấy nếu đã có bản điện tử có ký số)', 1, 0),
      doc(SUBMIT, 'Giấy tờ, chứng cứ chứng minh sự kiện chết (nếu người chết đã lâu, không có Giấy báo tử hoặc giấy tờ thay thế)', 1, 0),
      civilStatusProxy('đi đăng ký khai tử'),
      identityPaper,
      doc(PRESENT, 'Giấy tờ chứng minh nơi cư trú cuối cùng của người chết (nếu không khai thác được từ Cơ sở dữ liệu quốc gia về dân cư); nếu không xác định được thì giấy tờ chứng minh nơi người đó chết hoặc nơi phát hiện thi thể', 1, 0),
    ],
    legalBasis: [...civilStatusLaw, provincialFeeLaw, copyFeeLaw],
    results: [{ name: 'Trích lục khai tử', code: 'KQ.G15.000034' }],
    steps: civilStatusSteps('Trích lục khai tử'),
    requirements: [
      'Trong 15 ngày kể từ ngày có người chết, vợ, chồng, con, cha, mẹ hoặc người thân thích khác có trách nhiệm đi đăng ký khai tử; nếu người chết không có người thân thích thì đại diện cơ quan, tổ chức, cá nhân liên quan đi khai tử.',
      'Hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.',
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-9c6c958f2da4',
  },
  {
    code: '1.004873',
    name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    communeLevel: true,
    verticalAgency: false,
    ministry: 'Bộ Tư pháp',
    decision: '163/QĐ-BTP',
    procedureType: 'TTHC được giao luật quy định chi tiết',
    subjects: [CITIZEN, OVERSEAS_VIETNAMESE],
    agencies: communeAgencies,
    methods: methods(ALL_CHANNELS, { value: 3, unit: 'working_day' }, {
      free: false,
      amount: null,
      currency: 'VND',
      text: 'Mức lệ phí do Hội đồng nhân dân cấp tỉnh quy định; miễn cho người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo, người khuyết tật.',
    }),
    documents: [
      doc(SUBMIT, 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (nộp trực tuyến thì khai theo mẫu điện tử tương tác)', 1, 0, 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân'),
      doc(SUBMIT, 'Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây (nếu xin cấp lại để dùng vào mục đích khác hoặc vì giấy cũ đã hết thời hạn sử dụng)', 1, 0),
      civilStatusProxy('xin cấp giấy'),
      identityPaper,
      residencePaper,
    ],
    legalBasis: [{ title: 'Luật Hôn nhân và gia đình 2014', code: '52/2014/QH13' }, ...civilStatusLaw, provincialFeeLaw],
    results: [{ name: 'Giấy xác nhận tình trạng hôn nhân', code: 'KQ.G15.000038' }],
    steps: civilStatusSteps('Giấy xác nhận tình trạng hôn nhân'),
    requirements: [
      'Giấy phải ghi rõ mục đích sử dụng; nếu dùng để kết hôn thì chỉ được cấp 01 bản.',
      'Giấy có giá trị 06 tháng kể từ ngày cấp (Nghị định 123/2015/NĐ-CP).',
      'Không cấp để kết hôn với người cùng giới tính hoặc để kết hôn với người nước ngoài tại Cơ quan đại diện nước ngoài tại Việt Nam.',
      'Xin cấp lại để kết hôn mà không nộp lại được giấy cũ thì phải trình bày lý do; cơ quan đăng ký xác minh với nơi dự định kết hôn trước đây (trong 03 ngày làm việc).',
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-6eb3-7019-bf3f-fc58c9ee44b9',
  },
  {
    code: '2.000635',
    name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
    field: 'Hộ tịch',
    levels: ['Cấp tỉnh', 'Cấp xã'],
    communeLevel: true,
    verticalAgency: false,
    ministry: 'Bộ Tư pháp',
    decision: '163/QĐ-BTP',
    procedureType: 'TTHC không được luật giao cho địa phương quy định',
    subjects: [CITIZEN, ORGANISATION],
    agencies: { ...communeAgencies, executing: 'Cơ quan quản lý Cơ sở dữ liệu hộ tịch điện tử' },
    methods: methods(ALL_CHANNELS, SAME_DAY, {
      free: false,
      amount: 8000,
      currency: 'VND',
      text: '8.000 đồng/bản sao trích lục/sự kiện hộ tịch (Thông tư 281/2016/TT-BTC).',
    }),
    documents: [
      doc(SUBMIT, 'Tờ khai yêu cầu cấp bản sao Trích lục hộ tịch (cá nhân) hoặc văn bản yêu cầu nêu rõ lý do (cơ quan, tổ chức); nộp trực tuyến thì khai theo mẫu điện tử tương tác', 1, 0, 'Tờ khai cấp bản sao Trích lục hộ tịch'),
      civilStatusProxy('xin cấp bản sao'),
      identityPaper,
      residencePaper,
    ],
    legalBasis: [...civilStatusLaw, copyFeeLaw],
    results: [{ name: 'Bản sao Trích lục hộ tịch, bản sao Giấy khai sinh', code: 'KQ.G15.000342' }],
    steps: civilStatusSteps('bản sao Trích lục hộ tịch/bản sao Giấy khai sinh'),
    requirements: [
      'Cấp từ Cơ sở dữ liệu hộ tịch điện tử cho sự kiện hộ tịch đã đăng ký (khai sinh, kết hôn, khai tử...), không phụ thuộc nơi đã đăng ký.',
      'Hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.',
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-867c-72db-b6a7-dcbd8c763807',
  },
  {
    code: '1.004859',
    name: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
    field: 'Hộ tịch',
    levels: ['Cấp xã'],
    communeLevel: true,
    verticalAgency: false,
    ministry: 'Bộ Tư pháp',
    decision: '163/QĐ-BTP',
    procedureType: 'TTHC được giao luật quy định chi tiết',
    subjects: [CITIZEN],
    agencies: communeAgencies,
    // The portal gives "1" without a unit; left without one rather than guessed.
    methods: methods(ALL_CHANNELS, { value: 1, unit: null }, {
      free: false,
      amount: null,
      currency: 'VND',
      text: `Mức lệ phí do Hội đồng nhân dân cấp tỉnh quy định; miễn cho người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo, người khuyết tật. ${COPY_FEE_NOTE}`,
    }),
    documents: [
      doc(SUBMIT, 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc (nộp trực tuyến thì khai theo mẫu điện tử tương tác)', 1, 0, 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc'),
      doc(SUBMIT, 'Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung thông tin hộ tịch', 1, 0),
      civilStatusProxy('thực hiện thủ tục'),
      identityPaper,
      residencePaper,
    ],
    legalBasis: [...civilStatusLaw, { title: 'Bộ luật Dân sự 2015', code: '91/2015/QH13' }, provincialFeeLaw, copyFeeLaw],
    results: [{ name: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc', code: 'KQ.G15.000037' }],
    steps: civilStatusSteps('Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc'),
    requirements: [
      'Thay đổi họ, chữ đệm, tên và xác định lại dân tộc theo các trường hợp của Bộ luật Dân sự 2015; thay đổi họ, tên của người từ đủ 09 tuổi trở lên phải có sự đồng ý của người đó.',
      'Cải chính chỉ khi có căn cứ xác định nội dung đã đăng ký bị sai sót do lỗi của người đăng ký hoặc của cơ quan đăng ký hộ tịch.',
      'Bổ sung thông tin hộ tịch: hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo; trường hợp cần xác minh thì thời hạn có thể kéo dài.',
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-671e-714b-8fd6-8230c82f7867',
  },
  {
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận',
    field: 'Chứng thực',
    levels: ['Cấp xã', 'Cơ quan khác'],
    communeLevel: true,
    verticalAgency: false,
    ministry: 'Bộ Tư pháp',
    decision: '3152/QĐ-BTP',
    procedureType: 'TTHC không được luật giao cho địa phương quy định',
    subjects: [CITIZEN, OVERSEAS_VIETNAMESE, ORGANISATION],
    agencies: { ...communeAgencies, executing: 'Ủy ban nhân dân cấp xã; tổ chức hành nghề công chứng' },
    methods: methods(['in_person'], SAME_DAY, {
      free: false,
      amount: 2000,
      currency: 'VND',
      text: '2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang, tối đa không quá 200.000 đồng/bản. Trang tính phí là trang của bản chính.',
    }),
    documents: [
      doc(null, 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', 1, 0),
      doc(null, 'Bản sao cần chứng thực (nếu chỉ mang bản chính thì nơi chứng thực chụp từ bản chính, trừ khi không có phương tiện chụp)', 0, 1),
    ],
    legalBasis: certificationLaw,
    results: [{ name: 'Bản sao được chứng thực từ bản chính', code: 'KQ.G15.000021' }],
    steps: [
      '1. Xuất trình bản chính và bản sao cần chứng thực tại Trung tâm Phục vụ hành chính công cấp xã.',
      '2. Người thực hiện chứng thực đối chiếu bản sao với bản chính.',
      '3. Nếu đúng và hợp lệ: ghi lời chứng, ký, đóng dấu, ghi vào sổ chứng thực (bản sao nhiều tờ được đóng dấu giáp lai).',
      '4. Nộp phí và nhận bản sao đã chứng thực tại nơi nộp.',
    ].join('\n'),
    requirements: [
      'Không chứng thực từ bản chính: bị tẩy xóa, sửa chữa, thêm, bớt nội dung không hợp lệ; hư hỏng, cũ nát không xác định được nội dung; đóng dấu mật hoặc ghi rõ không được sao chụp; có nội dung trái pháp luật, đạo đức xã hội; giấy tờ do cá nhân tự lập không có xác nhận, đóng dấu của cơ quan có thẩm quyền.',
      'Giấy tờ nước ngoài phải được hợp pháp hóa lãnh sự, trừ hộ chiếu, thẻ căn cước, thẻ thường trú, thẻ cư trú, giấy phép lái xe, bằng tốt nghiệp, chứng chỉ và bảng điểm kèm theo.',
      CERTIFICATION_TIME_NOTE,
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e22-77ef-819f-e49460350904',
  },
  {
    code: '2.000884',
    name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    field: 'Chứng thực',
    levels: ['Cấp xã', 'Cơ quan khác'],
    communeLevel: true,
    verticalAgency: false,
    ministry: 'Bộ Tư pháp',
    decision: '858/QĐ-BTP',
    procedureType: 'TTHC không được luật giao cho địa phương quy định',
    subjects: [CITIZEN, OVERSEAS_VIETNAMESE],
    agencies: { ...communeAgencies, executing: 'Ủy ban nhân dân cấp xã; tổ chức hành nghề công chứng' },
    methods: methods(['in_person'], SAME_DAY, {
      free: false,
      amount: 10000,
      currency: 'VND',
      text: '10.000 đồng/trường hợp (một trường hợp là một hoặc nhiều chữ ký trong cùng một giấy tờ, văn bản).',
    }),
    documents: [
      doc(PRESENT, 'Căn cước điện tử; hoặc bản chính hay bản sao thẻ căn cước, thẻ căn cước công dân, giấy chứng nhận căn cước, hộ chiếu còn giá trị sử dụng', 1, 0),
      doc(PRESENT, 'Giấy tờ, văn bản cần chứng thực chữ ký (ký hoặc điểm chỉ trước mặt người thực hiện chứng thực); văn bản bằng tiếng nước ngoài có thể phải kèm bản dịch tiếng Việt', 1, 0),
    ],
    legalBasis: certificationLaw,
    results: [{ name: 'Giấy tờ, văn bản được chứng thực chữ ký/điểm chỉ', code: 'KQ.G15.000022' }],
    steps: [
      '1. Mang giấy tờ tùy thân và văn bản cần chứng thực đến Trung tâm Phục vụ hành chính công cấp xã.',
      '2. Người thực hiện chứng thực kiểm tra giấy tờ; người yêu cầu ký hoặc điểm chỉ trước mặt người thực hiện chứng thực.',
      '3. Ghi lời chứng, ký, đóng dấu, ghi vào sổ chứng thực.',
      '4. Nộp phí và nhận văn bản đã chứng thực tại nơi nộp.',
    ].join('\n'),
    requirements: [
      'Không chứng thực khi người yêu cầu không nhận thức, làm chủ được hành vi; giấy tờ tùy thân hết giá trị hoặc giả mạo; văn bản có nội dung trái pháp luật, đạo đức xã hội.',
      'Không chứng thực chữ ký trên văn bản có nội dung là giao dịch (hợp đồng...), trừ giấy ủy quyền để: nộp hộ, nhận hộ hồ sơ, giấy tờ; nhận hộ lương hưu, bưu phẩm, trợ cấp, phụ cấp; nhờ trông nom nhà cửa; thành viên hộ gia đình ủy quyền vay vốn tại Ngân hàng Chính sách xã hội.',
      'Người không thông thạo tiếng Việt phải có người phiên dịch (do người yêu cầu mời và trả thù lao).',
      CERTIFICATION_TIME_NOTE,
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-8e2e-7359-b42f-d5dc8d74741b',
  },
  {
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
    levels: ['Cấp bộ', 'Cấp xã'],
    communeLevel: true,
    verticalAgency: false,
    ministry: 'Bộ Tài chính',
    decision: '2353/QĐ-BTC',
    procedureType: 'TTHC được giao luật quy định chi tiết',
    subjects: [CITIZEN],
    agencies: { ...communeAgencies, executing: 'Cơ quan đăng ký kinh doanh cấp xã', coordinating: 'Cơ quan thuế quản lý trực tiếp hộ kinh doanh' },
    methods: methods(ALL_CHANNELS, { value: 3, unit: 'working_day' }, {
      free: false,
      amount: null,
      currency: 'VND',
      text: 'Lệ phí đăng ký hộ kinh doanh do Hội đồng nhân dân cấp tỉnh quy định (Thông tư 85/2019/TT-BTC), nộp khi nộp hồ sơ; không hoàn trả nếu không được cấp đăng ký.',
    }),
    documents: [
      doc(SUBMIT, 'Giấy đề nghị đăng ký hộ kinh doanh', 1, 0, 'Giấy đề nghị đăng ký hộ kinh doanh (mẫu ban hành kèm Thông tư 68/2025/TT-BTC)'),
      doc(SUBMIT, 'Bản sao văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh (nếu hộ do các thành viên hộ gia đình cùng thành lập), đã công chứng hoặc chứng thực', 0, 1),
      doc('Nếu ủy quyền nộp hồ sơ', 'Văn bản ủy quyền cho cá nhân nộp hồ sơ (không bắt buộc công chứng, chứng thực); ủy quyền cho tổ chức thì nộp bản sao hợp đồng dịch vụ và giấy giới thiệu', 0, 1),
      doc('Nếu ủy quyền nộp hồ sơ', 'Bản sao thẻ căn cước hoặc thẻ căn cước công dân còn hiệu lực của người ủy quyền (khi người ủy quyền chưa có tài khoản định danh điện tử)', 0, 1),
    ],
    legalBasis: [
      { title: 'Luật Doanh nghiệp 2020', code: '59/2020/QH14' },
      { title: 'Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp', code: '76/2025/QH15' },
      { title: 'Nghị định số 168/2025/NĐ-CP về đăng ký doanh nghiệp', code: '168/2025/NĐ-CP' },
      { title: 'Thông tư số 68/2025/TT-BTC ban hành biểu mẫu sử dụng trong đăng ký doanh nghiệp, đăng ký hộ kinh doanh', code: '68/2025/TT-BTC' },
      provincialFeeLaw,
    ],
    results: [
      { name: 'Giấy chứng nhận đăng ký hộ kinh doanh', code: 'KQ.G12.001041' },
      { name: 'Thông báo bằng văn bản nội dung cần sửa đổi, bổ sung của Cơ quan đăng ký kinh doanh cấp xã', code: 'KQ.G12.001009' },
    ],
    steps: [
      '1. Chủ hộ kinh doanh hoặc người được ủy quyền nộp hồ sơ tại cơ quan đăng ký kinh doanh cấp xã bất kỳ trong tỉnh nơi đặt trụ sở, qua bưu chính, hoặc trực tuyến trên Hệ thống thông tin về đăng ký hộ kinh doanh (dùng tài khoản định danh điện tử).',
      '2. Nhận giấy tiếp nhận hồ sơ và hẹn trả kết quả; nộp lệ phí.',
      '3. Trong 03 ngày làm việc: hồ sơ đủ điều kiện thì được cấp Giấy chứng nhận đăng ký hộ kinh doanh (thông tin được chuyển sang cơ quan thuế); chưa đủ thì nhận thông báo nêu rõ nội dung cần sửa đổi, bổ sung.',
    ].join('\n'),
    requirements: [
      'Điều kiện cấp theo khoản 2 Điều 85 Nghị định 168/2025/NĐ-CP: ngành, nghề kinh doanh không bị cấm; tên hộ kinh doanh đặt đúng quy định; hồ sơ hợp lệ; đã nộp lệ phí.',
      'Người ủy quyền và người được ủy quyền phải xác thực điện tử để được cấp đăng ký.',
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfb-d76d-737f-81b9-69258b07240b',
  },
  {
    code: '1.004222',
    name: 'Đăng ký thường trú',
    field: 'Đăng ký, quản lý cư trú',
    levels: ['Cấp xã'],
    communeLevel: true,
    verticalAgency: true,
    ministry: 'Bộ Công an',
    decision: '1523/QĐ-BCA-C06',
    procedureType: 'TTHC được giao luật quy định chi tiết',
    subjects: [CITIZEN, OVERSEAS_VIETNAMESE],
    agencies: {
      competent: 'Công an cấp xã',
      executing: 'Công an cấp xã',
      authorized: null,
      coordinating: null,
      receivingAddress: 'Công an cấp xã nơi đăng ký thường trú',
    },
    methods: [
      {
        channel: 'in_person',
        label: LABELS.in_person,
        time: { value: 7, unit: 'working_day' },
        fee: {
          free: false,
          amount: 20000,
          currency: 'VND',
          text: '20.000 đồng/lần đăng ký. Người thuộc diện miễn theo Điều 4 Thông tư 75/2022/TT-BTC (sửa đổi bởi Thông tư 71/2025/TT-BTC) xuất trình giấy tờ chứng minh, trừ khi thông tin đã có trong cơ sở dữ liệu.',
        },
      },
      {
        channel: 'online',
        label: LABELS.online,
        time: { value: 7, unit: 'working_day' },
        fee: { free: false, amount: 10000, currency: 'VND', text: '10.000 đồng/lần đăng ký khi nộp qua Cổng dịch vụ công trực tuyến.' },
      },
    ],
    documents: [
      doc(SUBMIT, 'Tờ khai thay đổi thông tin cư trú (người Việt Nam định cư ở nước ngoài không có hộ chiếu Việt Nam còn giá trị dùng mẫu CT02)', 1, 0, 'Mẫu CT01 (Thông tư 53/2025/TT-BCA)'),
      doc('Chỗ ở thuộc quyền sở hữu của mình', 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (không phải nộp nếu thông tin đã khai thác được trên VNeID hoặc trong các cơ sở dữ liệu)', 1, 0),
      doc('Nhập vào chỗ ở của người khác (khoản 2 Điều 20 Luật Cư trú)', 'Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp (ghi trong tờ khai hoặc bằng văn bản)', 1, 0),
      doc('Nhập vào chỗ ở của người khác (khoản 2 Điều 20 Luật Cư trú)', 'Giấy tờ chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình (không phải nộp nếu khai thác được trong cơ sở dữ liệu)', 1, 0),
      doc('Chỗ ở thuê, mượn, ở nhờ', 'Hợp đồng, văn bản cho thuê, cho mượn, cho ở nhờ đã được công chứng hoặc chứng thực', 1, 0),
      doc('Chỗ ở thuê, mượn, ở nhờ', 'Giấy tờ chứng minh đủ diện tích nhà ở bình quân theo quy định (không phải nộp nếu khai thác được trong cơ sở dữ liệu)', 1, 0),
    ],
    legalBasis: [
      { title: 'Luật Cư trú 2020', code: '68/2020/QH14' },
      { title: 'Nghị định số 154/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú', code: '154/2024/NĐ-CP' },
      { title: 'Thông tư số 55/2021/TT-BCA quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú', code: '55/2021/TT-BCA' },
      { title: 'Thông tư số 53/2025/TT-BCA sửa đổi, bổ sung Thông tư số 55/2021/TT-BCA', code: '53/2025/TT-BCA' },
      { title: 'Thông tư số 54/2025/TT-BCA quy định về quy trình đăng ký cư trú', code: '54/2025/TT-BCA' },
      { title: 'Thông tư số 75/2022/TT-BTC quy định mức thu, chế độ thu, nộp và quản lý lệ phí đăng ký cư trú', code: '75/2022/TT-BTC' },
    ],
    results: [
      { name: 'Thông báo kết quả giải quyết thủ tục về cư trú', code: 'KQ.G01.000065' },
      { name: 'Cập nhật thông tin trong Cơ sở dữ liệu về cư trú', code: 'KQ.G01.000066' },
    ],
    steps: [
      '1. Nộp hồ sơ tại Công an cấp xã hoặc trực tuyến qua Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an, ứng dụng VNeID.',
      '2. Cán bộ đối chiếu thông tin với Cơ sở dữ liệu quốc gia về dân cư, Cơ sở dữ liệu về cư trú; đủ điều kiện thì cấp Phiếu tiếp nhận hồ sơ và hẹn trả kết quả (mẫu CT04), không đủ thì cấp Phiếu từ chối (mẫu CT06).',
      '3. Nộp lệ phí.',
      '4. Nhận thông báo kết quả; thông tin thường trú được cập nhật vào Cơ sở dữ liệu về cư trú (không cấp sổ hộ khẩu).',
    ].join('\n'),
    requirements: [
      'Đủ điều kiện theo Điều 20 Luật Cư trú 2020; người đăng ký đã có thông tin trong Cơ sở dữ liệu quốc gia về dân cư.',
      'Chỗ ở thuê, mượn, ở nhờ phải bảo đảm diện tích nhà ở bình quân tối thiểu do Hội đồng nhân dân cấp tỉnh quy định.',
      'Trẻ em mới sinh: đăng ký cư trú trong 60 ngày kể từ ngày được đăng ký khai sinh; không phải xuất trình Giấy khai sinh khi đăng ký thường trú lần đầu.',
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-7704-7449-9e95-fe7ebb959aa2',
  },
  {
    code: '1.014063',
    name: 'Cấp đổi thẻ căn cước',
    field: 'Cấp, quản lý căn cước',
    levels: ['Cấp xã'],
    communeLevel: true,
    verticalAgency: true,
    ministry: 'Bộ Công an',
    decision: '5710/QĐ-BCA-C06',
    procedureType: 'TTHC được giao luật quy định chi tiết',
    subjects: [CITIZEN],
    agencies: {
      competent: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
      executing: 'Công an cấp xã',
      authorized: null,
      coordinating: null,
      receivingAddress: 'Công an cấp xã hoặc Bộ phận Một cửa cấp xã bất kỳ trong cả nước (không phụ thuộc nơi cư trú)',
    },
    methods: methods(['in_person', 'online'], { value: 7, unit: 'working_day' }, {
      free: false,
      amount: 25000,
      currency: 'VND',
      text: '50.000 đồng/thẻ (Thông tư 73/2024/TT-BTC); từ 01/7/2025 đến hết 31/12/2026 thu bằng 50%, tức 25.000 đồng/thẻ (Thông tư 64/2025/TT-BTC). Nhận thẻ qua bưu chính thì trả thêm cước cho đơn vị bưu chính.',
    }),
    documents: [
      doc(null, 'Thẻ căn cước hoặc thẻ căn cước công dân đang sử dụng (cán bộ thu lại khi cấp đổi)', 1, 0),
      doc(null, 'Phiếu thu nhận thông tin căn cước do cán bộ in từ Cơ sở dữ liệu quốc gia về dân cư để công dân kiểm tra, ký xác nhận', 1, 0, 'Mẫu CC01'),
      doc(null, 'Phiếu đề nghị giải quyết thủ tục về căn cước (khi được yêu cầu)', 1, 0, 'Mẫu DC02 (Thông tư 17/2024/TT-BCA)'),
      doc(null, 'Giấy tờ chứng minh là người đại diện hợp pháp (nếu làm thủ tục cho người dưới 14 tuổi)', 1, 0),
    ],
    legalBasis: [
      { title: 'Luật Căn cước 2023', code: '26/2023/QH15' },
      { title: 'Nghị định số 70/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước', code: '70/2024/NĐ-CP' },
      { title: 'Thông tư số 17/2024/TT-BCA quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước', code: '17/2024/TT-BCA' },
      { title: 'Thông tư số 18/2024/TT-BCA quy định về quy trình cấp, cấp đổi, cấp lại thẻ căn cước', code: '18/2024/TT-BCA' },
      { title: 'Thông tư số 73/2024/TT-BTC quy định mức thu, miễn, chế độ thu, nộp lệ phí cấp đổi, cấp lại thẻ căn cước', code: '73/2024/TT-BTC' },
      { title: 'Thông tư số 64/2025/TT-BTC quy định mức thu, miễn một số khoản phí, lệ phí nhằm hỗ trợ doanh nghiệp, người dân', code: '64/2025/TT-BTC' },
    ],
    results: [{ name: 'Thẻ căn cước', code: 'KQ.G01.000023' }],
    steps: [
      '1. Đến Công an cấp xã (hoặc đặt lịch trước qua Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an, ứng dụng VNeID).',
      '2. Cung cấp họ, chữ đệm, tên khai sinh, số định danh cá nhân, nơi cư trú để cán bộ đối chiếu với Cơ sở dữ liệu quốc gia về dân cư; nếu thông tin đã thay đổi thì phải điều chỉnh thông tin trước.',
      '3. Thu nhận vân tay, ảnh khuôn mặt, mống mắt (từ đủ 06 tuổi trở lên); kiểm tra và ký Phiếu thu nhận thông tin căn cước.',
      '4. Nộp thẻ cũ, nộp lệ phí, nhận giấy hẹn.',
      '5. Nhận thẻ tại Công an cấp xã hoặc qua bưu chính theo địa chỉ yêu cầu.',
    ].join('\n'),
    requirements: [
      'Cấp đổi khi: đủ 14, 25, 40, 60 tuổi; thay đổi, cải chính họ, chữ đệm, tên khai sinh hoặc ngày, tháng, năm sinh; thay đổi nhân dạng, xác định lại giới tính; thông tin in trên thẻ có sai sót; thông tin thay đổi do sắp xếp đơn vị hành chính; hoặc khi người được cấp thẻ có yêu cầu.',
      'Thẻ được cấp, cấp đổi, cấp lại trong vòng 02 năm trước tuổi phải đổi thì vẫn dùng được đến tuổi cấp đổi tiếp theo.',
      'Người dưới 06 tuổi hoặc đổi thẻ do sắp xếp đơn vị hành chính có thể làm hoàn toàn trực tuyến.',
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-9e0f-730b-9510-60349ebab5b2',
  },
  {
    code: '1.013978',
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài',
    field: 'Đất đai',
    levels: ['Cấp xã'],
    communeLevel: true,
    verticalAgency: false,
    ministry: 'Bộ Nông nghiệp và Môi trường',
    decision: '3380/QĐ-BNNMT',
    procedureType: 'TTHC được giao luật quy định chi tiết',
    subjects: [CITIZEN],
    agencies: {
      competent: 'Chủ tịch Ủy ban nhân dân cấp xã',
      executing: 'Ủy ban nhân dân cấp xã; Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai',
      authorized: null,
      coordinating: 'Cơ quan thuế (xác định nghĩa vụ tài chính về đất đai)',
      receivingAddress: COMMUNE_CENTER,
    },
    methods: (
      [
        ['in_person', 27],
        ['online', 17],
        ['postal', 20],
      ] as const
    ).map(([channel, days]) => ({
      channel,
      label: LABELS[channel],
      time: { value: days, unit: 'working_day' },
      fee: {
        free: false,
        amount: null,
        currency: 'VND',
        text: 'Lệ phí cấp Giấy chứng nhận do Hội đồng nhân dân cấp tỉnh quy định; ngoài ra nộp các nghĩa vụ tài chính về đất đai (tiền sử dụng đất, lệ phí trước bạ...) theo thông báo của cơ quan thuế, nếu có.',
      },
    })),
    documents: [
      doc(SUBMIT, 'Đơn đăng ký đất đai, tài sản gắn liền với đất', 1, 0, 'Đơn đăng ký đất đai, tài sản gắn liền với đất'),
      doc(SUBMIT, 'Một trong các loại giấy tờ về quyền sử dụng đất theo Điều 137, khoản 1 và 5 Điều 148, khoản 1 và 5 Điều 149 Luật Đất đai 2024 (nếu có); sơ đồ nhà ở, công trình xây dựng (nếu có)', 1, 1),
      doc(SUBMIT, 'Mảnh trích đo bản đồ địa chính thửa đất (nếu có)', 1, 1),
      doc(SUBMIT, 'Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ về miễn, giảm nghĩa vụ tài chính (nếu có)', 1, 1),
      doc('Nếu có', 'Văn bản xác định các thành viên có chung quyền sử dụng đất của hộ gia đình (đất đang do hộ gia đình sử dụng)', 1, 1),
      doc('Nếu có', 'Văn bản thỏa thuận cấp chung một Giấy chứng nhận (nhiều người chung quyền sử dụng đất, chung quyền sở hữu tài sản)', 1, 1),
      doc('Nếu có', 'Giấy tờ về việc nhận thừa kế quyền sử dụng đất (nhận thừa kế đất chưa được cấp Giấy chứng nhận)', 1, 1),
      doc('Nếu có', 'Văn bản về việc đại diện theo pháp luật dân sự (nộp hồ sơ thông qua người đại diện)', 1, 1),
    ],
    legalBasis: [
      { title: 'Luật Đất đai 2024', code: '31/2024/QH15' },
      { title: 'Luật số 43/2024/QH15 sửa đổi, bổ sung một số điều của Luật Đất đai', code: '43/2024/QH15' },
      { title: 'Nghị định số 101/2024/NĐ-CP quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai', code: '101/2024/NĐ-CP' },
      { title: 'Nghị định số 151/2025/NĐ-CP phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong lĩnh vực đất đai', code: '151/2025/NĐ-CP' },
      { title: 'Nghị định số 226/2025/NĐ-CP sửa đổi, bổ sung một số điều của các nghị định quy định chi tiết thi hành Luật Đất đai', code: '226/2025/NĐ-CP' },
    ],
    results: [
      { name: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', code: 'KQ.G10.001148' },
      { name: 'Thông báo xác nhận kết quả đăng ký đất đai', code: 'KQ.G10.000921' },
    ],
    steps: [
      '1. Nộp hồ sơ tại Trung tâm Phục vụ hành chính công cấp xã (hoặc trực tuyến, qua bưu chính); nhận giấy tiếp nhận và hẹn trả kết quả.',
      '2. Hồ sơ được chuyển đến Ủy ban nhân dân cấp xã nơi có đất.',
      '3. Ủy ban nhân dân cấp xã trích đo địa chính (nếu chưa có), xác nhận hiện trạng, tình trạng tranh chấp, nguồn gốc và thời điểm sử dụng đất, kiểm tra sự phù hợp quy hoạch; niêm yết công khai 15 ngày tại trụ sở xã và khu dân cư.',
      '4. Nếu đủ điều kiện: chuyển thông tin sang cơ quan thuế; người sử dụng đất nộp nghĩa vụ tài chính theo thông báo (hoặc được ghi nợ).',
      '5. Chủ tịch Ủy ban nhân dân cấp xã ký cấp Giấy chứng nhận; nếu không có nhu cầu hoặc chưa đủ điều kiện cấp thì nhận Thông báo xác nhận kết quả đăng ký đất đai.',
      '6. Nhận kết quả tại nơi nộp hồ sơ; nếu đã nộp bản sao thì nộp bản chính các giấy tờ khi nhận Giấy chứng nhận.',
    ].join('\n'),
    requirements: [
      'Có thể nộp bản sao kèm bản chính để đối chiếu, nộp bản chính, hoặc nộp bản sao có công chứng, chứng thực; nộp trực tuyến thì tệp phải được số hóa từ bản chính hoặc bản sao có chứng thực.',
      'Thời hạn giải quyết không tính thời gian thực hiện nghĩa vụ tài chính và các khoảng thời gian khác được loại trừ theo quy định.',
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfa-8678-770b-8917-1872078767cd',
  },
  {
    code: '1.013225',
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (Công trình không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    levels: ['Cấp xã', 'Cơ quan khác'],
    communeLevel: true,
    verticalAgency: false,
    ministry: 'Bộ Xây dựng',
    decision: '56/QĐ-BXD',
    procedureType: 'TTHC được giao luật quy định chi tiết',
    subjects: [CITIZEN, 'Doanh nghiệp', ORGANISATION],
    agencies: communeAgencies,
    methods: methods(ALL_CHANNELS, { value: 15, unit: 'day' }, {
      free: false,
      amount: null,
      currency: 'VND',
      text: 'Lệ phí cấp giấy phép xây dựng do Hội đồng nhân dân cấp tỉnh quy định.',
    }),
    documents: [
      doc('Nhà ở riêng lẻ', 'Đơn đề nghị cấp giấy phép xây dựng', 1, 0, 'Mẫu số 1 Phụ lục II Nghị định 175/2024/NĐ-CP'),
      doc('Nhà ở riêng lẻ', 'Một trong những giấy tờ hợp pháp về đất đai theo Điều 53 Nghị định 175/2024/NĐ-CP (thường là Giấy chứng nhận quyền sử dụng đất); không phải nộp nếu đã có trong Cơ sở dữ liệu quốc gia về đất đai', 0, 1),
      doc('Nhà ở riêng lẻ', 'Bản vẽ thiết kế xây dựng: mặt bằng công trình trên lô đất kèm sơ đồ vị trí; mặt bằng các tầng, các mặt đứng và mặt cắt chính; mặt bằng móng, mặt cắt móng kèm sơ đồ đấu nối hạ tầng kỹ thuật (cấp nước, thoát nước, cấp điện)', 2, 0),
      doc('Nhà ở riêng lẻ', 'Kết quả thực hiện thủ tục về phòng cháy, chữa cháy; báo cáo kết quả thẩm tra thiết kế xây dựng (khi pháp luật yêu cầu)', 0, 1),
      doc('Nhà ở riêng lẻ', 'Bản cam kết bảo đảm an toàn đối với công trình liền kề (nếu có công trình liền kề)', 1, 0),
    ],
    legalBasis: [
      { title: 'Luật Xây dựng 2014', code: '50/2014/QH13' },
      { title: 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng', code: '62/2020/QH14' },
      { title: 'Nghị định số 175/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng', code: '175/2024/NĐ-CP' },
      { title: 'Nghị định số 144/2025/NĐ-CP quy định về phân quyền, phân cấp trong lĩnh vực quản lý nhà nước của Bộ Xây dựng', code: '144/2025/NĐ-CP' },
      provincialFeeLaw,
    ],
    results: [{ name: 'Giấy phép xây dựng kèm hồ sơ thiết kế có đóng dấu của cơ quan cấp phép', code: 'KQ.G17.000311' }],
    steps: [
      '1. Chủ đầu tư nộp hồ sơ tại Trung tâm Phục vụ hành chính công cấp xã.',
      '2. Trong 07 ngày làm việc, cơ quan cấp phép thẩm định hồ sơ, kiểm tra thực địa; nếu thiếu thì thông báo một lần bằng văn bản để bổ sung.',
      '3. Lấy ý kiến cơ quan quản lý nhà nước liên quan khi cần (trả lời trong 12 ngày).',
      '4. Cấp giấy phép trong 15 ngày (nhà ở riêng lẻ) hoặc 20 ngày (công trình cấp III, cấp IV) kể từ ngày nhận đủ hồ sơ hợp lệ; nếu không cấp thì trả lời bằng văn bản nêu lý do.',
    ].join('\n'),
    requirements: [
      'Phù hợp quy hoạch và mục đích sử dụng đất; có giấy tờ hợp pháp về đất đai; thiết kế bảo đảm an toàn cho công trình và công trình lân cận.',
      'Một số nhà ở riêng lẻ được miễn giấy phép xây dựng (khoản 2 Điều 89 Luật Xây dựng), ví dụ: nhà ở riêng lẻ ở nông thôn dưới 07 tầng thuộc khu vực không có quy hoạch đô thị, quy hoạch xây dựng khu chức năng hoặc quy hoạch chi tiết xây dựng điểm dân cư nông thôn được duyệt; hỏi cán bộ trước khi chuẩn bị hồ sơ.',
      'Thời hạn trên là 15 ngày (ngày theo lịch) cho nhà ở riêng lẻ; công trình cấp III, cấp IV là 20 ngày.',
    ].join('\n'),
    portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfe-9088-744d-aa0a-e846b6dce3d5',
  },
];

export const demoCatalog: Catalog = {
  format: 'motcua-catalog',
  version: 1,
  source: 'demo: motcua sample of common commune procedures (not authoritative)',
  generatedAt: '2026-11-22T00:00:00.000Z',
  procedures,
};
