import type { ApprovedTemplate, FreeFormWindow, MessageForm, WindowSkipReason } from "./types.js";

/**
 * Free text inside the window since the person last wrote; outside it, the approved template in
 * their language, or nothing. A person who never wrote on this identity (imported) is outside.
 */
export function decideMessageForm(lastInboundAt: Date | null, language: string, now: Date, window: FreeFormWindow): MessageForm | { skip: WindowSkipReason } {
  const template: ApprovedTemplate | undefined = window.templates[language] ?? window.templates["*"];
  // With templates in some languages but not this person's, say so: staff can have one approved.
  const skip: WindowSkipReason = Object.keys(window.templates).length ? "no_template_language" : "outside_24h_window";
  const inside = lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < window.ms;
  if (inside) return { as: "text", ifClosed: template ? { template } : { skip } };
  return template ? { as: "template", template } : { skip };
}
