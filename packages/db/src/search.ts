import { pinyin } from "pinyin-pro";

/**
 * How names are stored for search and duplicate checks. One place, used by every write (API,
 * import, dataset generator) so stored keys and query keys always agree.
 */

/** NFKC (full-width to half-width), lower case, no white space. */
export function normaliseText(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

const HAN = /\p{Script=Han}/u;
export const hasHan = (s: string) => HAN.test(s);

/** Unigrams and bigrams of a normalised string, distinct. */
export function ngrams(s: string): string[] {
  const chars = [...s];
  const out = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/** The tokens a query must all find: its bigrams (or the one character it is). */
export function queryTokens(q: string): string[] {
  const chars = [...q];
  if (chars.length <= 1) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/** Full pinyin and initials, polyphone-aware (重庆 -> chongqing, cq; 厦门 -> xiamen, xm). */
export function pinyinOf(name: string): { pinyin: string; initials: string; letter: string } {
  const n = normaliseText(name);
  const syllables = pinyin(n, { toneType: "none", type: "array", nonZh: "consecutive" }) as string[];
  const full = syllables.join("").replace(/[^a-z0-9]/g, "");
  const initials = syllables.map((s) => s.replace(/[^a-z0-9]/g, "")[0] ?? "").join("");
  // The first letter or digit decides: （北京）华为 -> B, 8号仓库 -> #.
  const first = full[0];
  return { pinyin: full, initials, letter: first && /[a-z]/.test(first) ? first.toUpperCase() : "#" };
}

const BRACKETS = /[()（）[\]【】《》<>「」『』"'“”‘’]/g;
const SUFFIXES = [
  "股份有限公司",
  "有限责任公司",
  "有限公司",
  "集团公司",
  "集团",
  "总公司",
  "分公司",
  "公司",
  "co.,ltd.",
  "co.,ltd",
  "co.ltd",
  "ltd.",
  "ltd",
  "inc.",
  "inc",
];

/** The name as duplicates are compared: normalised, no brackets or punctuation, no company suffix. */
export function nameKey(name: string): string {
  let s = normaliseText(name)
    .replace(BRACKETS, "")
    .replace(/[.,，。、·・\-_]/g, (c) => (c === "." || c === "," ? c : ""));
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (s.length > suffix.length && s.endsWith(suffix)) {
        s = s.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return s.replace(/[.,]/g, "");
}

/** Phone digits without the country code: +86 571-8888 6666, (0571)88886666 -> 057188886666. */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let d = phone.replace(/\D/g, "");
  if (d.startsWith("0086")) d = d.slice(4);
  else if (d.startsWith("86") && d.length > 11) d = d.slice(2);
  // A landline written without its leading 0 after +86 (+86 571 ...) gets it back.
  if (/^[1-9]\d{9,10}$/.test(d) && !/^1[3-9]\d{9}$/.test(d)) d = `0${d}`;
  return d.length >= 5 ? d : null;
}

/** The homepage's host without www.: https://www.Example.com/about -> example.com. */
export function homepageKey(url: string | null | undefined): string | null {
  if (!url) return null;
  const host = url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .split(/[/:?#]/)[0];
  return host ? host.replace(/^www\./, "") : null;
}

/** Every derived search and duplicate column of a customer. */
export function customerSearchColumns(c: {
  name: string;
  email?: string | null;
  phone?: string | null;
  homepage?: string | null;
  code?: string | null;
}) {
  const nameSearch = normaliseText(c.name);
  const py = pinyinOf(c.name);
  const phone = phoneKey(c.phone);
  const homepage = homepageKey(c.homepage);
  return {
    nameSearch,
    letter: py.letter,
    pinyin: py.pinyin,
    initials: py.initials,
    searchTokens: ngrams(nameSearch),
    nameKey: nameKey(c.name),
    phoneKey: phone,
    homepageKey: homepage,
  };
}

/**
 * The grams of 有限公司, in nearly every company name: a search for one of them matches almost
 * everything, so they get no postings (see searchGrams) and such a search walks the date index.
 */
export const SEARCH_STOP_GRAMS: ReadonlySet<string> = new Set([
  "有",
  "限",
  "公",
  "司",
  "有限",
  "限公",
  "公司",
  "有限公",
  "限公司",
]);

/**
 * The characters postings are made of: CJK ideographs of the basic plane (U+3400–4DBF,
 * U+4E00–9FFF, U+F900–FAFF), a range the database tests the same way. Letters, digits and
 * brackets are left out: they would multiply the postings of a name (and their cost on every
 * write) for searches that go by pinyin, phone or code instead.
 */
const POSTED = /^[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+$/;

const isPosted = (gram: string) => POSTED.test(gram) && !SEARCH_STOP_GRAMS.has(gram);

/** The distinct n-character pieces of a string (by code point). */
function gramsOf(chars: string[], n: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(""));
  return [...out];
}

/**
 * The tokens a customer is posted under in `customer_search_postings` (the date-ordered search
 * index): every distinct 1-, 2- and 3-character piece of the normalised name made of ideographs
 * only, but the stop grams. Single characters are posted since migration 0032: a one-character
 * search (华, 8% of names) walked the date index and read a customer row per candidate, ten times
 * its page for a common character and hundreds of times for a rare one or a small scope; its
 * postings give the page at once. The database computes the same set in `customer_search_grams()`
 * (its triggers keep the postings); a test holds the two together.
 */
export function searchGrams(nameSearch: string): string[] {
  const chars = [...nameSearch];
  return [1, 2, 3].flatMap((n) => gramsOf(chars, n).filter(isPosted));
}

/**
 * How a normalised query is looked up in the postings. A posted gram (1 to 3 ideographs) is a
 * token itself: every name containing it is posted under it (exact). Otherwise its longest posted
 * pieces (trigrams, else bigrams) each find a superset to recheck; never single characters, whose
 * postings are too many to walk for a rare match. Empty when nothing posted can find it (stop
 * grams only, no two ideographs side by side).
 */
export function postingTokens(q: string): { tokens: string[]; exact: boolean } {
  const chars = [...q];
  if (chars.length <= 3 && isPosted(q)) return { tokens: [q], exact: true };
  for (const n of [3, 2]) {
    if (n >= chars.length) continue; // the query itself, not posted
    const tokens = gramsOf(chars, n).filter(isPosted);
    if (tokens.length) return { tokens, exact: false };
  }
  return { tokens: [], exact: false };
}
