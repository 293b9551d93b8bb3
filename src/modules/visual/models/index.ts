export { VisualImage } from "./visual-image"
export { VisualSearch } from "./visual-search"
export { VisualSearchClick } from "./visual-search-click"
