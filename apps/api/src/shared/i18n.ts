import { ErrorCode } from "@crm/contracts";
import { z } from "zod";

export type Lang = "zh-CN" | "en";

/** Picks the caller's language from Accept-Language (q-values honoured); Chinese by default. */
export function pickLang(header: string | undefined): Lang {
  if (!header) return "zh-CN";
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return "zh-CN";
}

type Text = Record<Lang, string>;

/** Titles of every error code, in both languages. */
export const ERROR_TITLES: Record<ErrorCode, Text> = {
  [ErrorCode.validation]: { "zh-CN": "请求参数校验失败", en: "The request is not valid" },
  [ErrorCode.badRequest]: { "zh-CN": "请求格式错误", en: "Malformed request" },
  [ErrorCode.unauthenticated]: { "zh-CN": "请先登录", en: "Authentication required" },
  [ErrorCode.invalidCredentials]: { "zh-CN": "用户名或密码错误", en: "Wrong username or password" },
  [ErrorCode.tokenInvalid]: { "zh-CN": "登录凭证无效,请重新登录", en: "The access token is not valid" },
  [ErrorCode.tokenExpired]: { "zh-CN": "登录已过期,请重新登录", en: "The access token has expired" },
  [ErrorCode.refreshInvalid]: {
    "zh-CN": "会话已失效,请重新登录",
    en: "The session has ended; please log in again",
  },
  [ErrorCode.accountLocked]: {
    "zh-CN": "登录失败次数过多,账号已暂时锁定",
    en: "Too many failed logins; the account is temporarily locked",
  },
  [ErrorCode.accountDisabled]: { "zh-CN": "账号已停用", en: "This account is disabled" },
  [ErrorCode.passwordChangeRequired]: {
    "zh-CN": "请先修改密码",
    en: "You must change your password first",
  },
  [ErrorCode.passwordIncorrect]: { "zh-CN": "当前密码不正确", en: "The current password is wrong" },
  [ErrorCode.forbidden]: { "zh-CN": "没有权限执行此操作", en: "You do not have permission to do this" },
  [ErrorCode.notFound]: { "zh-CN": "资源不存在", en: "Not found" },
  [ErrorCode.conflict]: { "zh-CN": "数据冲突", en: "Conflict" },
  [ErrorCode.rateLimited]: { "zh-CN": "请求过于频繁,请稍后再试", en: "Too many requests; try again later" },
  [ErrorCode.payloadTooLarge]: { "zh-CN": "请求内容过大", en: "The request body is too large" },
  [ErrorCode.unsupportedMediaType]: {
    "zh-CN": "不支持的内容类型",
    en: "Unsupported content type",
  },
  [ErrorCode.notReady]: { "zh-CN": "服务尚未就绪", en: "The service is not ready" },
  [ErrorCode.internal]: { "zh-CN": "服务器内部错误", en: "Internal server error" },
};

/** Messages of our own validation rules (used as `error` in the shared zod schemas). */
const CUSTOM_MESSAGES: Record<string, Text> = {
  required: { "zh-CN": "此项为必填项", en: "This field is required" },
  password_needs_letter: { "zh-CN": "密码必须包含字母", en: "The password must contain a letter" },
  password_needs_digit: { "zh-CN": "密码必须包含数字", en: "The password must contain a digit" },
  password_same_as_current: {
    "zh-CN": "新密码不能与当前密码相同",
    en: "The new password must differ from the current one",
  },
  unknown_field: { "zh-CN": "不允许的字段", en: "This field is not allowed" },
};

const locales = { "zh-CN": z.locales.zhCN(), en: z.locales.en() };

/** A zod issue (or one of ours) as a message in the caller's language. */
export function issueMessage(
  lang: Lang,
  issue: { code: string; message?: string; [k: string]: unknown },
): string {
  const custom = issue.message ? CUSTOM_MESSAGES[issue.message] : undefined;
  if (custom) return custom[lang];
  try {
    const out = locales[lang].localeError(issue as never);
    const text = typeof out === "string" ? out : out?.message;
    if (text) return text;
  } catch {
    // fall through to the schema's own message
  }
  return issue.message ?? ERROR_TITLES[ErrorCode.validation][lang];
}

export function customMessage(lang: Lang, key: keyof typeof CUSTOM_MESSAGES | string): string {
  return CUSTOM_MESSAGES[key]?.[lang] ?? key;
}
