export * from "./posts"
export * from "./engagement"
export * from "./moderation"
