export { StyleProfile } from "./style-profile"
export { Interaction } from "./interaction"
