import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator, readLocaleResources } from "../../../src/conversation/createTranslator.js";
import { createBroadcastRenderer } from "../../../src/domain/broadcasts/createBroadcastRenderer.js";
import { renderBroadcast } from "../../../src/domain/broadcasts/renderBroadcast.js";
import { repoRoot } from "../../support/createTestApp.js";

const translator = createTranslator(readLocaleResources(join(repoRoot, "locales")), "id");
const voice = { translator, campaignName: { id: "Tim Relawan Nusa Bakti (DEMO)", en: "Nusa Bakti Volunteer Team (DEMO)" } };

describe("renderBroadcast", () => {
  it("uses the recipient's language for the text when there is one, and always for the footer", () => {
    const broadcast = { texts: JSON.stringify({ id: "Rapat akbar Sabtu ini!", en: "Rally this Saturday!" }), imageUrl: null };
    expect(renderBroadcast(broadcast, { language: "id" }, voice)).toEqual({ text: "Rapat akbar Sabtu ini!\n\n— Tim Relawan Nusa Bakti (DEMO)\nBalas STOP untuk berhenti." });
    expect(renderBroadcast(broadcast, { language: "en" }, voice)).toEqual({ text: "Rally this Saturday!\n\n— Nusa Bakti Volunteer Team (DEMO)\nReply STOP to unsubscribe." });
  });

  it("falls back to the default text, with the footer still in the recipient's language", () => {
    const broadcast = { texts: { id: "Rapat akbar Sabtu ini!" }, imageUrl: "https://example.org/a.jpg" };
    expect(renderBroadcast(broadcast, { language: "en" }, voice)).toEqual({
      text: "Rapat akbar Sabtu ini!\n\n— Nusa Bakti Volunteer Team (DEMO)\nReply STOP to unsubscribe.",
      imageUrl: "https://example.org/a.jpg",
    });
    // A language the bot does not speak gets the default footer.
    expect(renderBroadcast(broadcast, { language: "jv" }, voice).text).toContain("Balas STOP untuk berhenti.");
  });

  it("serves the dispatcher through createBroadcastRenderer", () => {
    const render = createBroadcastRenderer(voice);
    const message = render(
      { id: "b1", texts: { id: "Halo", en: "Hello" }, imageUrl: null, operational: false },
      { id: "c1", name: null, language: "en", role: null, regionCode: null },
      "telegram",
    );
    expect(message.text).toBe("Hello\n\n— Nusa Bakti Volunteer Team (DEMO)\nReply STOP to unsubscribe.");
  });
});
