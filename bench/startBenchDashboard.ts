// The dashboard benches' server: an admin made and signed in through a real one-time link, so each
// page is asked as staff would ask it (fastify inject: no sockets, the time is the server's).
import { join } from "node:path";
import pino from "pino";
import { createTranslator, readLocaleResources } from "../src/conversation/createTranslator.js";
import { createSignInLink } from "../src/domain/dashboard/createSignInLink.js";
import { createRegionLookup } from "../src/domain/regions/createRegionLookup.js";
import { createDashboardServer } from "../src/web/createDashboardServer.js";
import { now } from "./benchCoverage.js";
import { root, type BenchDatabase } from "./benchDatabase.js";

export type BenchDashboard = { server: Awaited<ReturnType<typeof createDashboardServer>>; cookies: string };

export async function startBenchDashboard(store: BenchDatabase, options: { figuresSeconds?: number } = {}): Promise<BenchDashboard> {
  const admin = await store.db.contact.create({ data: { name: "Admin Bench", role: "admin", createdAt: now, lastActiveAt: now } });
  const server = await createDashboardServer({
    db: store.db,
    translator: createTranslator(readLocaleResources(join(root, "locales")), "id"),
    regions: await createRegionLookup(),
    timeZone: "Asia/Jakarta",
    clock: () => now,
    logger: pino({ level: "warn" }),
    url: "http://dasbor.bench",
    sessionHours: 12,
    activeVolunteerDays: 30,
    consentTextVersion: "bench",
    ...(options.figuresSeconds === undefined ? {} : { figuresSeconds: options.figuresSeconds }),
  });
  const cookies = await signIn(server, await createSignInLink(store.db, { contactId: admin.id, baseUrl: "http://dasbor.bench", actor: "bench", at: now }));
  return { server, cookies };
}

async function signIn(server: Awaited<ReturnType<typeof createDashboardServer>>, link: Awaited<ReturnType<typeof createSignInLink>>): Promise<string> {
  if (link.status !== "created") throw new Error(`no sign-in link: ${link.status}`);
  const path = link.url.slice(link.url.indexOf("/masuk"));
  const form = await server.inject({ method: "GET", url: path });
  const jar = new Map((form.cookies as { name: string; value: string }[]).map((c) => [c.name, c.value]));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? "";
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const token = new URL(link.url).searchParams.get("token") ?? "";
  const done = await server.inject({
    method: "POST",
    url: "/masuk",
    payload: new URLSearchParams({ _csrf: csrf, token }).toString(),
    headers: { cookie: header(), "content-type": "application/x-www-form-urlencoded" },
  });
  if (done.statusCode !== 303) throw new Error(`sign-in answered ${done.statusCode}: ${done.body.slice(0, 300)}`);
  for (const c of done.cookies as { name: string; value: string }[]) jar.set(c.name, c.value);
  return header();
}
