import { ErrorCode } from "@crm/contracts";
import { i18n } from "../i18n/i18n";
import { ClientErrorCode, isApiError } from "./api-error";

function formatWait(seconds: number): string {
  if (seconds < 60) return i18n.t("time.seconds", { count: seconds });
  return i18n.t("time.minutes", { count: Math.ceil(seconds / 60) });
}

/**
 * A message for the user. The server already localises `detail` by `Accept-Language`; codes the UI
 * knows best (wrong credentials, lockouts with their wait time, offline) get the UI's own wording.
 */
export function errorMessage(error: unknown): string {
  if (!isApiError(error)) return i18n.t("errors.unknown");
  const wait = error.retryAfter !== undefined && error.retryAfter > 0 ? formatWait(error.retryAfter) : null;
  switch (error.code) {
    case ErrorCode.invalidCredentials:
      return i18n.t("errors.invalid_credentials");
    case ErrorCode.accountLocked:
      return wait ? i18n.t("errors.account_locked_wait", { wait }) : i18n.t("errors.account_locked");
    case ErrorCode.rateLimited:
      return wait ? i18n.t("errors.rate_limited_wait", { wait }) : i18n.t("errors.rate_limited");
    case ErrorCode.accountDisabled:
      return error.detail ?? i18n.t("errors.account_disabled");
    case ClientErrorCode.network:
      return i18n.t("errors.network_error");
    case ClientErrorCode.badResponse:
      return i18n.t("errors.bad_response");
    case ClientErrorCode.unknown:
      return i18n.t("errors.unknown");
    default:
      return error.detail ?? error.title;
  }
}
