import { StatusBadge, Text } from "@medusajs/ui"
import { AdminVisualSidecar } from "../../lib/types"

/** The ML sidecar's health: its compute backend, vector store and model, or why it cannot be reached. */
export const SidecarStatus = ({ sidecar }: { sidecar: AdminVisualSidecar }) => {
  if (!sidecar.reachable) {
    return (
      <div className="flex flex-col gap-y-1">
        <div>
          <StatusBadge color="red">Unreachable</StatusBadge>
        </div>
        <Text size="small" className="text-ui-fg-error">
          {sidecar.error ?? "The image service cannot be reached."}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          New and changed images wait as pending and are indexed once it is back; the rest of the shop keeps working.
        </Text>
      </div>
    )
  }
  const facts = [
    ["Backend", sidecar.backend],
    ["Model", sidecar.model_version],
    ["Vector store", sidecar.store ? `${sidecar.store.kind} · ${sidecar.store.vectors} vectors · ${sidecar.store.search} search` : undefined],
  ].filter((fact): fact is [string, string] => !!fact[1])
  return (
    <div className="flex flex-col gap-y-1">
      <div>
        <StatusBadge color={sidecar.status === "ok" ? "green" : "orange"}>
          {sidecar.status === "ok" ? "Healthy" : (sidecar.status ?? "Reachable")}
        </StatusBadge>
      </div>
      {facts.map(([label, value]) => (
        <Text key={label} size="small">
          <span className="text-ui-fg-subtle">{label}:</span> {value}
        </Text>
      ))}
    </div>
  )
}
