// ESLint for the ML sidecar (Node, ESM, run by tsx). Formatting is Prettier's (`prettier --check`).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["data/", "models/", "bench/results/", "coverage/"]),
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
      "@typescript-eslint/no-unused-expressions": ["error", { allowTernary: true, allowShortCircuit: true }],
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    // Tests read JSON answers loosely (`r.json.hits.map((h: any) => h.id)`).
    files: ["test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
]);
