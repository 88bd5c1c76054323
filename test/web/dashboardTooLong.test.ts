// A search too long for Node's 16 KB request-head limit, over real HTTP (fastify.inject never hits
// that limit): the staff member gets a page that says what to do, not an empty 431.
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient, DASHBOARD_URL, type DashboardClient } from "../support/dashboardClient.js";

let app: TestApp;
let browser: DashboardClient;
beforeEach(async () => {
  app = await createTestApp({ dashboardUrl: DASHBOARD_URL });
  browser = await createDashboardClient(app);
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

function get(port: number, path: string) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), body }));
    });
    req.on("error", reject);
    req.end();
  });
}

it("answers a 100 KB search with a page that says to shorten it, in Indonesian and English", async () => {
  await browser.server.listen({ port: 0, host: "127.0.0.1" });
  const { port } = browser.server.server.address() as AddressInfo;
  const answer = await get(port, `/orang?cari=${"a".repeat(100_000)}`);
  expect(answer.status).toBe(431);
  expect(answer.type).toContain("text/html");
  expect(answer.body).toContain("Persingkat kata pencariannya");
  expect(answer.body).toContain("Shorten the search");
  // The server is still there for the next request.
  expect((await get(port, "/orang?cari=budi")).status).not.toBe(431);
});
