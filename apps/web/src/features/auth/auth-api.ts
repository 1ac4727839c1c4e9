import { type ChangePasswordRequest, type LoginRequest, Me, TokenResponse } from "@crm/contracts";
import { apiRequest } from "../../shared/api";

export function login(body: LoginRequest): Promise<TokenResponse> {
  return apiRequest("/auth/login", {
    method: "POST",
    body,
    schema: TokenResponse,
    auth: false,
    withCredentials: true,
  });
}

export function logout(): Promise<undefined> {
  return apiRequest("/auth/logout", { method: "POST", body: {}, auth: false, withCredentials: true });
}

export function fetchMe(): Promise<Me> {
  return apiRequest("/me", { schema: Me });
}

/**
 * The API answers with a fresh token pair (it ends every other session of the user and bumps the
 * token epoch, so the old access token stops working); a bare 204 is tolerated too.
 */
export async function changePassword(body: ChangePasswordRequest): Promise<TokenResponse | undefined> {
  const tokens: TokenResponse | undefined = await apiRequest("/me/password", {
    method: "POST",
    body,
    schema: TokenResponse,
    withCredentials: true,
  });
  return tokens;
}
