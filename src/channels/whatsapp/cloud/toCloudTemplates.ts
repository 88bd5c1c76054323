import type { CloudTemplate } from "./renderTemplateMessage.js";

/**
 * The approved templates by the person's language, from WHATSAPP_CLOUD_TEMPLATE_NAME and
 * WHATSAPP_CLOUD_TEMPLATE_LANGUAGE. One language ("id") serves everyone, as it always has; a list
 * ("id,en_US": one template name approved in several languages) gives each person theirs, keyed by
 * the part before "_", and a person whose language is not listed gets none (no_template_language).
 */
export function toCloudTemplates(name: string | undefined, languages: string): Record<string, CloudTemplate> {
  if (!name) return {};
  const codes = languages
    .split(",")
    .map((code) => code.trim())
    .filter((code) => code !== "");
  if (codes.length === 1) return { "*": { name, language: codes[0]! } };
  const templates: Record<string, CloudTemplate> = {};
  for (const code of codes) templates[code.split(/[_-]/)[0]!.toLowerCase()] ??= { name, language: code };
  return templates;
}
