export { TryOn } from "./try-on"
