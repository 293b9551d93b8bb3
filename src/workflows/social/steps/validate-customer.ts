import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** The customer exists (with an account), or NOT_FOUND. Reads only. */
export const validateCustomerExistsStep = createStep("validate-social-customer-exists", async (customerId: string, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: customerId, has_account: true } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customerId} was not found`)
  return new StepResponse(customerId)
})
