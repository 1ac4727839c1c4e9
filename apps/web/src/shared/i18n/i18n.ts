import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { zhCN } from "./zh-cn";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh-CN";

const STORAGE_KEY = "crm.language";

function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyToDocument(language: Language): void {
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

export const i18n = i18next.createInstance();

// Only Chinese is in the first download; English is fetched when it is chosen (or was stored).
void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN } },
  partialBundledLanguages: true,
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  react: { useSuspense: false },
});

applyToDocument(currentLanguage());

/** Adds a language's strings when it has none yet. */
async function loadLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, "translation")) return;
  if (language === "en") i18n.addResourceBundle("en", "translation", (await import("./en")).en);
}

/** Resolves once the stored language's strings are there: render after it to show no other language first. */
export const i18nReady: Promise<void> = loadLanguage(readStoredLanguage()).then(() => {
  if (i18n.language !== "en") return;
  return i18n.changeLanguage("en").then(() => applyToDocument(currentLanguage()));
});

/** The active UI language, also sent to the API as `Accept-Language`. */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
  applyToDocument(language);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}
