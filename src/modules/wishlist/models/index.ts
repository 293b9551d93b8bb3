export { SavedItem } from "./saved-item"
