// ESLint for the storefront: Next.js's own rules (core web vitals, React, hooks, a11y) with
// typescript-eslint. Formatting is Prettier's (`prettier --check`).
import { defineConfig, globalIgnores } from "eslint/config"
import nextVitals from "eslint-config-next/core-web-vitals"
import nextTypescript from "eslint-config-next/typescript"

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  // Build output of every dist dir (.next, .next-dev, .next-e2e, .next-8001, …).
  globalIgnores([".next/", ".next-*/", "next-env.d.ts", "cache/", "test-artifacts/"]),
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `_name` marks a parameter or binding kept for its position; a bare `catch {}` needs no name.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Browser tests and their launcher run in Node (playwright-core), not in Next.
    files: ["e2e/**"],
    rules: { "@typescript-eslint/no-require-imports": "off", "@typescript-eslint/no-explicit-any": "off", "react-hooks/rules-of-hooks": "off" },
  },
])
