export { Lookbook } from "./lookbook"
export { LookbookLook } from "./look"
export { LookbookHotspot } from "./hotspot"
