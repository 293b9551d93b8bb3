import { Select } from "@medusajs/ui"

/** The periods the admin's analytics offer, in days. */
export const PERIOD_DAYS = [7, 30, 90, 365]

/** "Last N days" for an analytics page. */
export const PeriodSelect = ({ days, onChange }: { days: number; onChange: (days: number) => void }) => (
  <div className="w-40">
    <Select value={String(days)} onValueChange={(value) => onChange(Number(value))}>
      <Select.Trigger aria-label="Period">
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {PERIOD_DAYS.map((n) => (
          <Select.Item key={n} value={String(n)}>
            Last {n} days
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)
