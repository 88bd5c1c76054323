import { describe, expect, it } from "vitest";
import { wrapLabel } from "../../src/charts/wrapLabel.js";

describe("wrapLabel", () => {
  it("breaks at spaces, keeps a short label whole, and shortens only what does not fit", () => {
    expect(wrapLabel("Kapan debat?", 20, 2)).toEqual(["Kapan debat?"]);
    expect(wrapLabel("1. bagaimana cara mendaftar jadi relawan di kecamatan saya", 20, 3)).toEqual(["1. bagaimana cara", "mendaftar jadi", "relawan di kecamata…"]);
    expect(wrapLabel("1. bagaimana cara mendaftar jadi relawan di kecamatan saya ya kak", 20, 2)).toEqual(["1. bagaimana cara", "mendaftar jadi…"]);
    expect(wrapLabel("1. bagaimana cara mendaftar jadi relawan", 20, 3)).toEqual(["1. bagaimana cara", "mendaftar jadi", "relawan"]);
    expect(wrapLabel("ab   cdefghijklmnopqrstuvwxyz", 10, 3)).toEqual(["ab", "cdefghijkl", "mnopqrstu…"]);
  });
});
