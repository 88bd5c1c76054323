// The dashboard over HTTP (fastify.inject) on a TestApp's database, with a browser's cookie jar:
// what the dashboard's route tests talk to. signIn() goes the way staff do: /dasbor in the chat,
// open the link, press the button.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pino from "pino";
import { createRegionLookup } from "../../src/domain/regions/createRegionLookup.js";
import { createDashboardServer } from "../../src/web/createDashboardServer.js";
import type { TestApp, Voter } from "./createTestApp.js";

export const DASHBOARD_URL = "http://dasbor.test";

export interface DashboardClient {
  server: FastifyInstance;
  cookies: Map<string, string>;
  get(url: string): Promise<LightMyRequestResponse>;
  /** A form post; the CSRF token of the last page is added unless `_csrf` is given (null: none). */
  post(url: string, form: Record<string, string>, options?: { csrf?: string | null }): Promise<LightMyRequestResponse>;
  /** A multipart form with one file (the import page); the CSRF token is added as in post(). */
  upload(url: string, form: Record<string, string>, file: { field: string; name: string; content: Buffer }, options?: { csrf?: string | null }): Promise<LightMyRequestResponse>;
  /** /dasbor from this staff member in the chat, then the link: returns the link it used. */
  signIn(member: Voter): Promise<string>;
  close(): Promise<void>;
}

export async function createDashboardClient(app: TestApp, options: { url?: string; liveIntervalMs?: number } = {}): Promise<DashboardClient> {
  // The chat's /dasbor links point where the app's engine was told (createTestApp({ dashboardUrl })).
  const url = options.url ?? app.deps.dashboardUrl ?? DASHBOARD_URL;
  const server = await createDashboardServer({
    db: app.db,
    translator: app.deps.translator,
    regions: await createRegionLookup(),
    timeZone: app.deps.timeZone,
    clock: () => app.clock.now,
    logger: pino({ level: "silent" }),
    url,
    sessionHours: 12,
    activeVolunteerDays: app.deps.activeVolunteerDays ?? 30,
    consentTextVersion: app.deps.campaign.campaign.consentTextVersion,
    campaign: app.deps.campaign,
    blackout: app.deps.blackout ?? [],
    quietHours: "21:00-07:00",
    ...(options.liveIntervalMs ? { liveIntervalMs: options.liveIntervalMs } : {}),
    // The chat's own matcher, as in one bot process: an erasure here must reach it.
    faq: app.deps.faq,
  });
  const cookies = new Map<string, string>();
  let csrf = "";
  const remember = (response: LightMyRequestResponse) => {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      // Cleared cookies come back empty and dated 1970; the app's own clock may be far from the real one.
      if (cookie.value === "" || (cookie.expires && cookie.expires.getTime() <= 0) || cookie.maxAge === 0) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) csrf = token;
    return response;
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const client: DashboardClient = {
    server,
    cookies,
    async get(url) {
      return remember(await server.inject({ method: "GET", url, headers: { cookie: cookieHeader() } }));
    },
    async post(url, form, postOptions = {}) {
      const token = postOptions.csrf === undefined ? csrf : postOptions.csrf;
      const body = new URLSearchParams({ ...(token === null ? {} : { _csrf: token }), ...form }).toString();
      return remember(await server.inject({ method: "POST", url, payload: body, headers: { cookie: cookieHeader(), "content-type": "application/x-www-form-urlencoded" } }));
    },
    async upload(url, form, file, uploadOptions = {}) {
      const token = uploadOptions.csrf === undefined ? csrf : uploadOptions.csrf;
      const boundary = "----relawan-test-boundary";
      const fields = { ...(token === null ? {} : { _csrf: token }), ...form };
      const parts: Buffer[] = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
      parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
      const headers = { cookie: cookieHeader(), "content-type": `multipart/form-data; boundary=${boundary}` };
      return remember(await server.inject({ method: "POST", url, payload: Buffer.concat(parts), headers }));
    },
    async signIn(member) {
      const replies = await member.say("/dasbor");
      const link = /https?:\/\/\S+\/masuk\?token=[A-Za-z0-9_-]+/.exec(replies.map((r) => r.text).join("\n"))?.[0];
      if (!link) throw new Error(`no sign-in link in: ${replies.map((r) => r.text).join(" | ")}`);
      const path = link.slice(link.indexOf("/masuk"));
      await client.get(path);
      const response = await client.post("/masuk", { token: new URL(link).searchParams.get("token")! });
      if (response.statusCode !== 303) throw new Error(`sign-in answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
      return link;
    },
    close: () => server.close(),
  };
  return client;
}
