export { StyleProfile } from "./style-profile"
export { Interaction } from "./interaction"
export { ConstraintRejection } from "./constraint-rejection"
