import { describe, expect, it } from "vitest";
import { toCloudTemplates } from "../../../../src/channels/whatsapp/cloud/toCloudTemplates.js";

describe("toCloudTemplates", () => {
  it("has none without a template name", () => {
    expect(toCloudTemplates(undefined, "id")).toEqual({});
  });

  it("serves everyone with the one language given, as before", () => {
    expect(toCloudTemplates("relawan_kabar", "id")).toEqual({ "*": { name: "relawan_kabar", language: "id" } });
    expect(toCloudTemplates("relawan_kabar", " en_US ")).toEqual({ "*": { name: "relawan_kabar", language: "en_US" } });
  });

  it("gives each person the language they speak from a list, keyed by the part before the underscore", () => {
    expect(toCloudTemplates("relawan_kabar", "id, en_US,")).toEqual({
      id: { name: "relawan_kabar", language: "id" },
      en: { name: "relawan_kabar", language: "en_US" },
    });
  });
});
