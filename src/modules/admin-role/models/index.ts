export { AdminRole } from "./admin-role"
