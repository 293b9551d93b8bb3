export * from "./create-size-chart"
export * from "./update-size-chart"
