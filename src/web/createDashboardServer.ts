// The staff dashboard: one more adapter over the domain functions the chat and the CLI call.
// Every asset is served from here (no CDN, no web fonts), so it works on an offline LAN.
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import staticFiles from "@fastify/static";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { join } from "node:path";
import { createPageRenderer, webDirectory } from "./createPageRenderer.js";
import { dashboardPages } from "./dashboardPages.js";
import type { DashboardDeps, DashboardPage } from "./dashboardTypes.js";
import { registerImportUploads } from "./importUploads.js";
import { createLiveHub } from "./live/createLiveHub.js";
import { servePage, showProblem } from "./servePage.js";
import { answerClientError } from "./answerClientError.js";

/** Forms are a few fields; nothing larger is read. */
const BODY_LIMIT = 64 * 1024;

export async function createDashboardServer(deps: DashboardDeps, pages: readonly DashboardPage[] = dashboardPages): Promise<FastifyInstance> {
  const secure = deps.url.startsWith("https:");
  // Errors go to the bot's own pino log; requests are not logged one by one.
  const app: FastifyInstance = Fastify({ loggerInstance: deps.logger as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }), bodyLimit: BODY_LIMIT, clientErrorHandler: answerClientError });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    // HSTS only where the dashboard really is https; on a LAN over http it would lock staff out.
    strictTransportSecurity: secure,
    referrerPolicy: { policy: "no-referrer" },
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  await registerImportUploads(app);
  await app.register(csrf, { cookieKey: "relawan_csrf", cookieOpts: { path: "/", sameSite: "strict", httpOnly: true, secure } });
  await app.register(rateLimit, { global: false });
  await app.register(staticFiles, { root: join(webDirectory, "assets"), prefix: "/assets/", maxAge: "1h" });

  const render = createPageRenderer();
  const live = createLiveHub({ db: deps.db, logger: deps.logger, intervalMs: deps.liveIntervalMs });
  // Open live streams would keep close() waiting for ever: end them first.
  app.addHook("preClose", async () => live.close());
  app.decorate("liveHub", live);
  const site = { deps, render, pages, secure, live };
  app.setErrorHandler((error, request, reply) => showProblem(site, request, reply, (error ?? {}) as { statusCode?: number; code?: string }));
  app.setNotFoundHandler((request, reply) => showProblem(site, request, reply, { statusCode: 404 }));
  for (const page of pages) {
    app.route({
      method: page.method,
      url: page.url,
      // Every form carries the CSRF token; a POST without the right one stops here with 403.
      ...(page.method === "POST" ? { preHandler: app.csrfProtection } : {}),
      ...(page.rateLimited ? { config: { rateLimit: { max: 10, timeWindow: "1 minute" } } } : {}),
      handler: (request, reply) => servePage(site, page, request, reply),
    });
  }
  return app;
}
