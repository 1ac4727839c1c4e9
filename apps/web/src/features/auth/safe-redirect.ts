export const DEFAULT_AFTER_LOGIN = "/workbench";

/**
 * Where to go after logging in. Only same-origin paths are accepted ("/x", never "//host" or "/\host"),
 * so a crafted ?from= cannot send the user to another site.
 */
export function safeRedirectTarget(from: string | null): string {
  if (!from?.startsWith("/") || from.startsWith("//") || from.startsWith("/\\")) {
    return DEFAULT_AFTER_LOGIN;
  }
  try {
    const url = new URL(from, window.location.origin);
    if (url.origin !== window.location.origin) return DEFAULT_AFTER_LOGIN;
    if (url.pathname === "/login") return DEFAULT_AFTER_LOGIN;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
}
