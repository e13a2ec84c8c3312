// ESLint for the browser code the site serves, its Node tests and this file.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["site/**", "build/**", "dist/**", ".venv/**", ".cache/**", "tests/artifacts/**"],
  },
  js.configs.recommended,
  {
    rules: {
      "no-var": "error",
      "prefer-const": "error",
      "prefer-arrow-callback": "error",
      "object-shorthand": "error",
      eqeqeq: ["error", "smart"],
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["plugins/mkdocs_garden/assets/**/*.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
  },
  {
    // Loaded by the embedded pages of docs/pages/ as a classic script.
    files: ["docs/pages/*.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    files: ["tests/js/**/*.mjs", "eslint.config.js"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
