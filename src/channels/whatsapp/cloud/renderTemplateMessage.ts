import type { Reply } from "../../../conversation/types.js";
import { renderWhatsAppText } from "../renderWhatsAppText.js";
import type { CloudTemplateBody } from "./renderCloudMessage.js";

/** An approved template whose body has exactly one text parameter, {{1}}. */
export interface CloudTemplate {
  name: string;
  /** The language code the template was approved in, e.g. "id" or "en_US". */
  language: string;
}

// A template body is at most 1024 characters including the approved wording around {{1}}.
const MAX_PARAMETER = 900;

/**
 * The one message WhatsApp lets a business send outside the 24-hour window: an approved template,
 * carrying the reply's text as its body parameter. Choices are left out: buttons cannot ride in a
 * parameter, and numbers would be answered out of context once the person writes back.
 */
export function renderTemplateMessage(to: string, reply: Reply, template: CloudTemplate): CloudTemplateBody {
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "template",
    template: {
      name: template.name,
      language: { code: template.language },
      components: [{ type: "body", parameters: [{ type: "text", text: templateParameter(reply) }] }],
    },
  };
}

// Meta refuses template parameters containing new lines, tabs or more than four consecutive spaces.
function templateParameter(reply: Reply): string {
  const flat = renderWhatsAppText({ ...reply, choices: [] }, "")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join(" · ");
  return flat.length <= MAX_PARAMETER ? flat : `${flat.slice(0, MAX_PARAMETER - 1).trimEnd()}…`;
}
