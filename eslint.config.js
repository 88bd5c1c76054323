import js from "@eslint/js";
import tseslint from "typescript-eslint";

const platformLibraries = ["telegraf", "telegraf/*", "whatsapp-web.js", "@prisma/*", "**/db/generated/*", "**/db/generated", "**/db/generated-pg/*", "**/db/generated-pg"];

export default tseslint.config(
  { ignores: ["node_modules", "src/db/generated", "src/db/generated-pg", "data", "coverage", "dist", "scratch"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The launcher and the build run as plain JavaScript on Node, before anything is compiled.
    files: ["bin/**/*.js", "scripts/**/*.js", "test/support/*.mjs"],
    languageOptions: { globals: { process: "readonly", performance: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
  {
    // The core decides what to say; it never knows which app or which database driver.
    files: ["src/conversation/**/*.ts", "src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: platformLibraries, message: "conversation/ and domain/ stay channel- and driver-agnostic (see STYLE.md)." }] }],
    },
  },
);
