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
    // The dashboard's progressive enhancement runs in the browser.
    files: ["src/web/assets/**/*.js"],
    languageOptions: { globals: { document: "readonly", window: "readonly", HTMLFormElement: "readonly", FormData: "readonly", EventSource: "readonly", fetch: "readonly", DOMParser: "readonly", CustomEvent: "readonly", setTimeout: "readonly", clearTimeout: "readonly", URLSearchParams: "readonly" } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
  // Imports flow one way (STYLE.md): channels -> conversation -> domain -> db, with delivery/
  // beside the conversation: it sends what the domain queued, through ports the channels implement.
  folderDirection("src/domain/**/*.ts", ["delivery", "conversation", "channels", "app", "cli", "web"], platformLibraries),
  folderDirection("src/conversation/**/*.ts", ["delivery", "channels", "app", "cli", "web"], platformLibraries),
  folderDirection("src/delivery/**/*.ts", ["channels", "conversation", "app", "cli", "web"], []),
  // The dashboard is an adapter like a channel: it calls the domain (and the conversation's wording), never another adapter.
  folderDirection("src/web/**/*.ts", ["channels", "delivery", "app", "cli"], []),
);

/** A lint rule: files matching `files` import none of `folders` (under src/), nor these libraries. */
function folderDirection(files, folders, libraries) {
  const folder = files.split("/")[1];
  const patterns = folders.map((name) => ({
    group: [`**/${name}/*`, `**/${name}/**`],
    message: `${folder}/ never imports ${name}/ (imports flow one way; see STYLE.md).`,
  }));
  if (libraries.length > 0) patterns.push({ group: libraries, message: "conversation/ and domain/ stay channel- and driver-agnostic (see STYLE.md)." });
  return { files: [files], rules: { "no-restricted-imports": ["error", { patterns }] } };
}
