export * from "./create-try-on"
export * from "./keep-try-on"
export * from "./delete-try-ons"
