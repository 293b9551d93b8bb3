// ESLint for the backend (Medusa server, admin extensions, scripts, tests). The storefront and
// the ML sidecar are their own packages with their own configs. Formatting is Prettier's
// (`prettier --check`), so no stylistic rules here.
import js from "@eslint/js"
import { defineConfig, globalIgnores } from "eslint/config"
import reactHooks from "eslint-plugin-react-hooks"
import globals from "globals"
import tseslint from "typescript-eslint"

export default defineConfig([
  globalIgnores([
    "storefront/",
    "ml-sidecar/",
    ".medusa/",
    ".curator/",
    "static/",
    "private/",
    "uploads/",
    "coverage/",
    "bench/results/",
    "test-artifacts/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `_name` marks a parameter or binding kept for its position; a bare `catch {}` needs no name.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // Medusa's own types are loose in places (query.graph rows, container registrations): say so, but do not fail.
      "@typescript-eslint/no-explicit-any": "warn",
      "@typescript-eslint/no-unused-expressions": ["error", { allowTernary: true, allowShortCircuit: true }],
      "no-empty": ["error", { allowEmptyCatch: true }],
      // Edge validation rejects control characters on purpose (NUL and friends in text fields).
      "no-control-regex": "off",
    },
  },
  {
    // CommonJS launcher, benchmarks and jest config.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    // `const crypto = require("node:crypto")` shadows Node's global of the same name on purpose.
    rules: { "@typescript-eslint/no-require-imports": "off", "no-redeclare": ["error", { builtinGlobals: false }] },
  },
  {
    // Functions the benchmark hands to the browser (page.evaluate) run there.
    files: ["bench/storefront/**/*.js"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Admin extensions run in the browser, as React components.
    files: ["src/admin/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    // Tests read loosely typed API answers (`res.data.posts.map((p: any) => …)`) and load CommonJS fixtures with require.
    files: ["integration-tests/**", "**/__tests__/**"],
    languageOptions: { globals: globals.jest },
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-require-imports": "off" },
  },
])
