import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminUser, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Select, StatusBadge, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { ROLE_LABEL, useSetUserRole, useUserRole } from "../hooks/user-role"
import { AdminRoleName } from "../lib/types"

/**
 * On a user's page: the user's Curator role, and for administrators a choice to make the user a
 * moderator (the moderation page only) or an administrator.
 */
const UserRoleWidget = ({ data: user }: DetailWidgetProps<AdminUser>) => {
  const theirs = useUserRole(user.id)
  const mine = useUserRole("me")
  const setRole = useSetUserRole(user.id)
  const role = theirs.data
  const [choice, setChoice] = useState<AdminRoleName>("admin")
  const error = theirs.error ?? mine.error

  // The choice starts at the saved role, and goes back to it when saving fails.
  useEffect(() => {
    if (role) setChoice(role)
  }, [role])

  const save = () =>
    setRole.mutate(choice, {
      onSuccess: (saved) => toast.success(`${user.email} is now ${saved === "admin" ? "an administrator" : "a moderator"}`),
      onError: (e) => {
        toast.error(e.message)
        if (role) setChoice(role)
      },
    })

  return (
    <Container className="divide-y p-0" data-testid="curator-user-role">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Curator role</Heading>
        {role ? <StatusBadge color={role === "admin" ? "blue" : "orange"}>{ROLE_LABEL[role]}</StatusBadge> : null}
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        {error ? (
          <Text size="small" className="text-ui-fg-error">
            {error.message}
          </Text>
        ) : null}
        {!error && !role ? (
          <Text size="small" className="text-ui-fg-subtle">
            Loading…
          </Text>
        ) : null}
        <Text size="small" className="text-ui-fg-subtle">
          Administrators manage the whole shop. Moderators review reported and pending social posts on the Moderation page, and nothing else.
        </Text>
        {role && mine.data === "admin" ? (
          <div className="flex items-center gap-x-2">
            <div className="w-48">
              <Select value={choice} onValueChange={(value) => setChoice(value as AdminRoleName)}>
                <Select.Trigger aria-label="Role">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="admin">{ROLE_LABEL.admin}</Select.Item>
                  <Select.Item value="moderator">{ROLE_LABEL.moderator}</Select.Item>
                </Select.Content>
              </Select>
            </div>
            <Button size="small" variant="secondary" disabled={setRole.isPending || choice === role} isLoading={setRole.isPending} onClick={save}>
              Save role
            </Button>
          </div>
        ) : null}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "user.details.after",
})

export default UserRoleWidget
