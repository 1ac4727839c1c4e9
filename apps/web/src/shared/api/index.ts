export { ApiError, ClientErrorCode, isApiError, type ProblemDuplicate } from "./api-error";
export { API_BASE, apiRequest, endSession, refreshSession, restoreSession, startSession } from "./client";
export { errorMessage } from "./error-message";
export {
  getSession,
  type SessionState,
  type SessionStatus,
  updateUser,
  useCurrentUser,
  useSession,
} from "./session-store";
export { usePermissions } from "./use-permissions";
