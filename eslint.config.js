// The linter `npm test` runs before vitest. Type-aware rules (floating promises, unsafe any) are
// the ones that catch real bugs in a socket-and-timer codebase; Lit and web-component rules keep
// templates and elements honest.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { configs as litConfigs } from "eslint-plugin-lit";
import { configs as wcConfigs } from "eslint-plugin-wc";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "data/", "bench/tmp/", "test-results/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["*.js", "*.mjs", "scripts/*.mjs"] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
  },
  {
    rules: {
      // a leading underscore names what a destructuring drops on purpose
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["display/**/*.ts", "admin/**/*.ts", "advisor/**/*.ts", "gate/**/*.ts", "login/**/*.ts", "group/**/*.ts"],
    ...litConfigs["flat/recommended"],
  },
  {
    files: ["display/**/*.ts", "admin/**/*.ts", "advisor/**/*.ts", "gate/**/*.ts", "login/**/*.ts", "group/**/*.ts"],
    // Lit calls a template's event listeners with the element as `this` (its `host` option)
    rules: { "@typescript-eslint/unbound-method": "off" },
  },
  {
    files: ["server/db/*-repo.ts"],
    // a repository method promises its answer for the asynchronous engines' sake; on SQLite its body runs synchronously
    rules: { "@typescript-eslint/require-await": "off" },
  },
  {
    files: ["test/**/*.ts"],
    // tests read JSON answers and page state as `any` and assert their shape with expect()
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-call": "off",
    },
  },
  {
    files: ["display/**/*.ts", "admin/**/*.ts", "advisor/**/*.ts", "gate/**/*.ts", "login/**/*.ts", "group/**/*.ts"],
    ...wcConfigs["flat/recommended"],
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
