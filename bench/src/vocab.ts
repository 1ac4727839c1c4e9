import { REGIONS } from "@crm/contracts";
import { faker as fakerZH_CN } from "@faker-js/faker/locale/zh_CN";
import { type Rng, Weighted, zipf } from "./rng.js";

/**
 * Word lists. People's names and e-mail domains are faker's zh_CN data, sampled with our own
 * seeded generator (faker's company names use made-up cities like 厦都市, so company names are
 * composed here from real cities, brand characters and industry words).
 */
const raw = fakerZH_CN.rawDefinitions as unknown as {
  person: { last_name: { generic: string[] }; first_name: { male: string[]; female: string[] } };
  internet: { free_email: string[] };
  company: { category: string[] };
};

// Surnames by frequency: the common ones first (王李张刘陈 cover ~30% of people), then faker's list.
const COMMON =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏韦傅方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文";
const surnames = [...new Set([...COMMON, ...raw.person.last_name.generic])];
const SURNAME = new Weighted(surnames, zipf(surnames.length, 1.1));
const MALE = raw.person.first_name.male;
const FEMALE = raw.person.first_name.female;

export function personName(rng: Rng): { name: string; gender: "male" | "female" } {
  const gender = rng.chance(0.55) ? "male" : "female";
  return { name: SURNAME.pick(rng) + rng.pick(gender === "male" ? MALE : FEMALE), gender };
}

const FREE_EMAIL = raw.internet.free_email.filter((d) => !d.includes("yahoo"));
const LETTERS = [..."abcdefghijklmnopqrstuvwxyz"];
/** 12345678@qq.com or a few letters and digits at another free mail provider. */
export function freeEmail(rng: Rng): string {
  if (rng.chance(0.4)) return `${rng.int(1, 9)}${rng.digits(rng.int(5, 9))}@qq.com`;
  let s = "";
  for (let i = rng.int(3, 8); i > 0; i--) s += rng.pick(LETTERS);
  return `${s}${rng.digits(rng.int(0, 4))}@${rng.pick(FREE_EMAIL)}`;
}

export interface City {
  province: string;
  city: string;
  areaCode: string | null;
  dialCode: string;
  short: string;
  provinceShort: string;
  regionCode: string;
}

const shortOf = (s: string) => {
  if (/(自治州|自治县|地区|盟)$/.test(s)) return s.slice(0, 2);
  return s.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|县|林区)$/, "");
};
const BIG =
  "北京上海广州深圳杭州苏州成都重庆天津武汉南京宁波东莞佛山青岛郑州西安长沙无锡厦门泉州温州济南合肥福州";
const MAKERS = new Set(["浙江省", "江苏省", "广东省", "山东省", "福建省", "河北省", "河南省"]);
const REMOTE = new Set(["西藏自治区", "青海省", "台湾省", "香港特别行政区", "澳门特别行政区"]);

export const CITIES: City[] = REGIONS.flatMap((p) =>
  p.cities.map((c) => ({
    province: p.name,
    city: c.name,
    areaCode: c.areaCode ?? null,
    // Cities without an area code of their own dial through one of the province's.
    dialCode: c.areaCode ?? p.cities.find((x) => x.areaCode)?.areaCode ?? "010",
    short: shortOf(c.name),
    provinceShort: shortOf(p.name),
    regionCode: c.code,
  })),
);
export const CITY = new Weighted(
  CITIES,
  CITIES.map((c) => {
    const big = BIG.indexOf(c.short);
    if (c.short.length === 2 && big >= 0 && big % 2 === 0) return 40 - big;
    if (MAKERS.has(c.province)) return 4;
    return REMOTE.has(c.province) ? 0.2 : 1;
  }),
);

// Brand characters, most common first: 华 and 达 appear in a few per cent of names, most in far fewer.
const BRAND_CHARS = [
  ..."华宏达鑫盛恒泰兴金源祥瑞新嘉德永隆昌信诚丰富通海天安康利佳明远正博中宇鼎伟成东立创汇亿万联力广振顺腾科光辉荣益和长凯欣豪晟晨润星辰峰锦旭骏威龙美优精锐捷迅奥亚环宝仁俊尚百达吉祥云川江山鹏飞",
].filter((c, i, all) => all.indexOf(c) === i);
const BRAND_CHAR = new Weighted(BRAND_CHARS, zipf(BRAND_CHARS.length, 0.35));
// Brand words that many real companies share.
const BRAND_WORDS =
  "宏达 华盛 永兴 恒信 金源 鑫达 华通 宏图 新华 东方 天成 远大 富源 兴隆 中兴 嘉诚 瑞丰 正泰 长城 恒通 博达 联创 汇丰 鼎盛 华远 金鹏 永利 宏远 天宇 海天".split(
    " ",
  );
const BRAND_WORD = new Weighted(BRAND_WORDS, zipf(BRAND_WORDS.length, 0.6));

export function brand(rng: Rng): string {
  if (rng.chance(0.1)) return BRAND_WORD.pick(rng);
  const a = BRAND_CHAR.pick(rng);
  let b = BRAND_CHAR.pick(rng);
  while (b === a) b = BRAND_CHAR.pick(rng);
  return a + b;
}

/** Industry words with the dictionary code they belong to (apps/api dictionaries: industry). */
const INDUSTRY_WORDS: [string, string, number][] = [
  ["机械", "manufacturing", 12],
  ["机电", "manufacturing", 5],
  ["电子", "manufacturing", 8],
  ["电器", "manufacturing", 4],
  ["五金", "manufacturing", 4],
  ["模具", "manufacturing", 3],
  ["塑胶", "manufacturing", 3],
  ["纺织", "manufacturing", 4],
  ["服饰", "manufacturing", 3],
  ["汽车配件", "manufacturing", 3],
  ["精密机械", "manufacturing", 2],
  ["阀门", "manufacturing", 2],
  ["轴承", "manufacturing", 2],
  ["泵业", "manufacturing", 2],
  ["电机", "manufacturing", 2],
  ["包装", "manufacturing", 3],
  ["印刷", "manufacturing", 2],
  ["家具", "manufacturing", 3],
  ["新材料", "manufacturing", 3],
  ["钢铁", "manufacturing", 2],
  ["铝业", "manufacturing", 1],
  ["仪器仪表", "manufacturing", 2],
  ["光电", "manufacturing", 2],
  ["照明", "manufacturing", 2],
  ["陶瓷", "manufacturing", 1],
  ["玻璃", "manufacturing", 1],
  ["橡胶", "manufacturing", 1],
  ["纸业", "manufacturing", 1],
  ["商贸", "wholesale", 10],
  ["贸易", "wholesale", 8],
  ["进出口", "wholesale", 3],
  ["实业", "wholesale", 5],
  ["百货", "wholesale", 1],
  ["建设", "construction", 4],
  ["建筑工程", "construction", 3],
  ["装饰工程", "construction", 3],
  ["建材", "construction", 3],
  ["市政工程", "construction", 1],
  ["园林绿化", "construction", 1],
  ["化工", "energy", 5],
  ["能源", "energy", 3],
  ["新能源", "energy", 3],
  ["石化", "energy", 1],
  ["燃气", "energy", 1],
  ["电力", "energy", 2],
  ["环保科技", "energy", 2],
  ["矿业", "energy", 1],
  ["科技", "it", 12],
  ["信息技术", "it", 4],
  ["软件", "it", 3],
  ["网络科技", "it", 4],
  ["智能科技", "it", 3],
  ["通信", "it", 2],
  ["物流", "logistics", 5],
  ["运输", "logistics", 2],
  ["货运代理", "logistics", 1],
  ["供应链管理", "logistics", 2],
  ["农业", "agriculture", 2],
  ["农牧", "agriculture", 1],
  ["水产", "agriculture", 1],
  ["食品", "agriculture", 3],
  ["茶业", "agriculture", 1],
  ["医药", "healthcare", 2],
  ["医疗器械", "healthcare", 2],
  ["生物科技", "healthcare", 2],
  ["教育科技", "education", 1],
  ["文化传媒", "other", 2],
  ["旅游发展", "other", 1],
  ["酒店管理", "other", 1],
  ["企业管理咨询", "other", 1],
];
export const INDUSTRY = new Weighted(
  INDUSTRY_WORDS.map(([word, code]) => ({ word, code })),
  INDUSTRY_WORDS.map(([, , w]) => w),
);

const SUFFIX = new Weighted(
  ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司", "（集团）有限公司", "厂", "公司"],
  [62, 10, 10, 6, 2, 6, 4],
);

/** A company name: 杭州宏达机械有限公司, 宏达（杭州）科技有限公司, 浙江宏达实业股份有限公司… */
export function companyName(rng: Rng, home: City, brandWord: string, industryWord: string): string {
  const city = rng.chance(0.9) ? home : CITY.pick(rng);
  const suffix =
    industryWord.endsWith("工程") || industryWord.endsWith("管理") ? "有限公司" : SUFFIX.pick(rng);
  const r = rng.float();
  if (r < 0.66) return `${city.short}${brandWord}${industryWord}${suffix}`;
  if (r < 0.76) return `${brandWord}${industryWord}${suffix}`;
  if (r < 0.86) return `${city.provinceShort}${brandWord}${industryWord}${suffix}`;
  if (r < 0.92) return `${brandWord}（${city.short}）${industryWord}有限公司`;
  if (r < 0.96) return `${city.short}市${brandWord}${industryWord}${suffix}`;
  return `${brandWord}${industryWord}有限公司${city.short}分公司`;
}

const MOBILE_PREFIX =
  "130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 176 177 180 181 182 183 185 186 187 188 189 191 198 199".split(
    " ",
  );
export const mobile = (rng: Rng) => rng.pick(MOBILE_PREFIX) + rng.digits(8);
export const landline = (rng: Rng, city: City) => {
  const area = city.dialCode;
  return `${area}-${rng.int(2, 8)}${rng.digits(area.length === 3 ? 7 : 6)}`;
};

const STREETS =
  "人民 解放 建设 中山 长江 黄河 文化 工业 科技 创业 新华 和平 胜利 迎宾 滨江 环城 发展 北京 上海 学院 青年 东风 光明 幸福".split(
    " ",
  );
const STREET_END = ["路", "街", "大道", "中路", "东路", "西路", "南路", "北路"];
const AREAS = ["高新区", "经济开发区", "工业园区", "城东区", "城西区", "开发区", "新区", ""];
export const address = (rng: Rng, city: City) =>
  `${city.city === city.province ? "" : city.city}${rng.pick(AREAS)}${rng.pick(STREETS)}${rng.pick(STREET_END)}${rng.int(1, 999)}号`;

// First two digits of postcodes by province (GB region code prefix -> postal prefix).
const POSTAL: Record<string, string[]> = {
  "11": ["10"],
  "12": ["30"],
  "13": ["05", "06", "07"],
  "14": ["03", "04"],
  "15": ["01", "02"],
  "21": ["11", "12"],
  "22": ["13"],
  "23": ["15", "16"],
  "31": ["20"],
  "32": ["21", "22"],
  "33": ["31", "32"],
  "34": ["23", "24"],
  "35": ["35", "36"],
  "36": ["33", "34"],
  "37": ["25", "26", "27"],
  "41": ["45", "46", "47"],
  "42": ["43", "44"],
  "43": ["41", "42"],
  "44": ["51", "52"],
  "45": ["53", "54"],
  "46": ["57"],
  "50": ["40"],
  "51": ["61", "62", "64"],
  "52": ["55", "56"],
  "53": ["65", "66", "67"],
  "54": ["85"],
  "61": ["71", "72"],
  "62": ["73", "74"],
  "63": ["81"],
  "64": ["75"],
  "65": ["83", "84"],
};
export function postcode(rng: Rng, city: City): string | null {
  const prefixes = POSTAL[city.regionCode.slice(0, 2)];
  return prefixes ? `${rng.pick(prefixes)}${rng.digits(2)}00` : null;
}

export const TITLES = new Weighted(
  "总经理 副总经理 董事长 采购经理 采购专员 采购主管 技术总监 工程师 财务经理 会计 销售经理 办公室主任 行政主管 生产经理 厂长 项目经理 质量经理 仓库主管".split(
    " ",
  ),
  [6, 4, 2, 10, 8, 6, 3, 6, 4, 3, 3, 3, 2, 3, 2, 4, 2, 2],
);
export const DEPARTMENTS = "采购部 技术部 财务部 总经办 生产部 质量部 行政部 销售部 仓储部 工程部".split(" ");
export const NOTES = [
  "决策人",
  "关注价格",
  "对交期要求高",
  "老客户介绍",
  "每月初下单",
  "偏好微信联系",
  "技术对接人",
];
