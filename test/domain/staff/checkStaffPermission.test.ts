import { describe, expect, it } from "vitest";
import { checkStaffPermission } from "../../../src/domain/staff/checkStaffPermission.js";

describe("checkStaffPermission", () => {
  it("allows what the role holds", () => {
    expect(checkStaffPermission("coordinator", "people")).toEqual({ status: "allowed" });
    expect(checkStaffPermission("admin", "people.erase")).toEqual({ status: "allowed" });
  });

  it("names the roles that may do what was refused, which is not always 'admins'", () => {
    expect(checkStaffPermission("coordinator", "audit")).toEqual({ status: "not_allowed", permission: "audit", role: "coordinator", allowedRoles: ["admin"] });
    expect(checkStaffPermission("volunteer", "map")).toEqual({ status: "not_allowed", permission: "map", role: "volunteer", allowedRoles: ["admin", "coordinator"] });
    expect(checkStaffPermission(null, "dashboard")).toEqual({ status: "not_allowed", permission: "dashboard", role: null, allowedRoles: ["admin", "coordinator"] });
  });
});
