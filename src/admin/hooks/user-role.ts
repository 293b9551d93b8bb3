import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { AdminRoleName, AdminUserRoleResponse } from "../lib/types"

export const ROLE_LABEL: Record<AdminRoleName, string> = { admin: "Administrator", moderator: "Moderator" }

const userRoleKeys = {
  all: ["curator-user-role"] as const,
  detail: (userId: string) => [...userRoleKeys.all, userId] as const,
}

/** A user's Curator role; "me" is the signed-in user (a moderator may read only their own). */
export const useUserRole = (userId: string | "me") =>
  useQuery({
    queryKey: userRoleKeys.detail(userId),
    queryFn: () => sdk.client.fetch<AdminUserRoleResponse>(`/admin/users/${userId}/role`),
    select: (data) => data.user_role.role,
  })

/** Administrators only; the last administrator cannot be made a moderator (the error says so). */
export const useSetUserRole = (userId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (role: AdminRoleName) =>
      sdk.client.fetch<AdminUserRoleResponse>(`/admin/users/${userId}/role`, { method: "POST", body: { role } }).then((r) => r.user_role.role),
    // "me" may be this user: every cached role is refreshed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userRoleKeys.all }),
  })
}
