import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Text } from "@medusajs/ui"
import { useEffect } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useUserRole } from "../hooks/user-role"

/**
 * Moderators may use the Moderation page only: the API refuses them everything else (403), and
 * the admin SDK cannot hide the dashboard's own menu items. On the pages a moderator is most likely
 * to open this sends them to the Moderation page instead of an error, and says why.
 */
const ModeratorGuardWidget = () => {
  const { data: role } = useUserRole("me")
  const isModerator = role === "moderator"
  const navigate = useNavigate()

  useEffect(() => {
    if (isModerator) navigate("/moderation", { replace: true })
  }, [isModerator, navigate])

  if (!isModerator) return null
  return (
    <Container className="px-6 py-4">
      <Text size="small">
        This page is for administrators. As a moderator you can use the{" "}
        <Link to="/moderation" className="text-ui-fg-interactive">
          Moderation
        </Link>{" "}
        page.
      </Text>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: [
    "order.list.before",
    "product.list.before",
    "customer.list.before",
    "inventory_item.list.before",
    "promotion.list.before",
    "price_list.list.before",
    "user.list.before",
    "region.list.before",
    "sales_channel.list.before",
    "api_key.list.before",
  ],
})

export default ModeratorGuardWidget
