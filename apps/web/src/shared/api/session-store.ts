import type { Me } from "@crm/contracts";
import { useSyncExternalStore } from "react";

export type SessionStatus = "pending" | "authenticated" | "anonymous";
/** Why the last session ended: a deliberate logout goes to a plain /login, an expiry remembers the page. */
export type SessionEndReason = "logout" | "expired" | null;

export interface SessionState {
  status: SessionStatus;
  user: Me | null;
  endReason: SessionEndReason;
}

let state: SessionState = { status: "pending", user: null, endReason: null };
/** The access token lives in memory only; the refresh token is an httpOnly cookie the script never sees. */
let accessToken: string | null = null;
const listeners = new Set<() => void>();

function emit(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getSession(): SessionState {
  return state;
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAuthenticated(token: string, user: Me): void {
  accessToken = token;
  emit({ status: "authenticated", user, endReason: null });
}

export function updateUser(user: Me): void {
  if (state.status !== "authenticated") return;
  emit({ ...state, user });
}

export function setAnonymous(endReason: SessionEndReason): void {
  accessToken = null;
  if (state.status === "anonymous" && state.endReason === endReason) return;
  emit({ status: "anonymous", user: null, endReason });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, getSession);
}

/** The signed-in user; only call below a route that requires authentication. */
export function useCurrentUser(): Me {
  const { user } = useSession();
  if (!user) throw new Error("useCurrentUser() needs an authenticated session");
  return user;
}
