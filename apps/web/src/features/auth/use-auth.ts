import type { ChangePasswordRequest, LoginRequest } from "@crm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { endSession, getSession, startSession, updateUser } from "../../shared/api";
import { changePassword, fetchMe, login, logout } from "./auth-api";

export function useLogin() {
  return useMutation({
    mutationFn: (body: LoginRequest) => login(body),
    onSuccess: (tokens) => startSession(tokens),
  });
}

/** Ends the session on the server (revokes the refresh cookie), then locally, whatever the server said. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } catch (error) {
        console.warn("Logout request failed; clearing the local session anyway", error);
      }
    },
    onSettled: () => {
      endSession("logout");
      queryClient.clear();
      void navigate("/login", { replace: true });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: ChangePasswordRequest) => {
      const tokens = await changePassword(body);
      if (tokens) {
        startSession(tokens);
        return;
      }
      // mustChangePassword (and anything else the server derives) comes from the server...
      try {
        updateUser(await fetchMe());
      } catch {
        // ...but the change itself succeeded, so at least stop asking for it.
        const user = getSession().user;
        if (user) updateUser({ ...user, mustChangePassword: false });
      }
    },
  });
}
