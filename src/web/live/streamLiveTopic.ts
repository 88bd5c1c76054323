// GET /live/<topic>: server-sent events saying "changed" for a topic, to the staff who may see the
// pages that show it (checked like every page, by servePage). A page marks what redraws with
// data-live="<topic>" and an id; /assets/live.js follows the stream and fetches the page again.
import type { DashboardPage } from "../dashboardTypes.js";
import type { LiveTopic } from "./liveTopics.js";

/** A comment line now and then keeps proxies and the browser from taking a quiet stream for a dead one. */
const HEARTBEAT_MS = 25_000;

export function streamLiveTopic(topic: LiveTopic): DashboardPage {
  return {
    method: "GET",
    url: `/live/${topic.name}`,
    permission: topic.permission,
    async handle(context) {
      const { reply } = context;
      // The stream is ours from here: fastify sends nothing more on it.
      reply.hijack();
      const raw = reply.raw;
      // The headers every page gets (helmet's, the CSRF cookie) go out too.
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) raw.setHeader(name, value as string | number | string[]);
      raw.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" });
      raw.write("retry: 2000\n\n");
      const heartbeat = setInterval(() => raw.write(": still here\n\n"), HEARTBEAT_MS);
      const stop = context.live.follow(topic, {
        changed: (marker) => raw.write(`event: change\ndata: ${marker}\n\n`),
        end: () => raw.end(),
      });
      // Closed by the browser (a page left), the network, or end() above: nothing keeps running.
      raw.on("close", () => {
        clearInterval(heartbeat);
        stop();
      });
      return reply;
    },
  };
}
