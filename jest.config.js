const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// One jest config, three kinds of test selected by TEST_TYPE (as in Medusa's starter).
const testMatchByType = {
  unit: ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s", "<rootDir>/scripts/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["<rootDir>/src/modules/*/__tests__/**/!(*.unit).spec.[jt]s"],
  "integration:http": ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]s$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true } } }],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/ml-sidecar/", "<rootDir>/storefront/"],
  setupFiles: ["./integration-tests/setup.js"],
  setupFilesAfterEnv: ["./integration-tests/setup-after-env.js"],
  testMatch: testMatchByType[process.env.TEST_TYPE] ?? Object.values(testMatchByType).flat(),
}
