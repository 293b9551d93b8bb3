export { Lookbook } from "./lookbook"
export { LookbookLook } from "./look"
export { LookbookHotspot } from "./hotspot"
export { LookbookLookView } from "./look-view"
