// A live topic's stream (GET /live/<topic>) over real HTTP with a dashboard client's cookies, read
// as a browser's EventSource reads it: `events` fills with each "change" event's marker as it comes.
import { request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { DashboardClient } from "./dashboardClient.js";

export async function openLiveStream(client: DashboardClient, path: string): Promise<{ response: IncomingMessage; events: string[] }> {
  await client.server.listen({ port: 0, host: "127.0.0.1" });
  const { port } = client.server.server.address() as AddressInfo;
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, headers: { cookie, accept: "text/event-stream" } }, resolve);
    req.on("error", reject);
    req.end();
  });
  const events: string[] = [];
  let buffer = "";
  response.setEncoding("utf8");
  response.on("data", (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^event: change\ndata: (.*)$/m.exec(block)?.[1];
      if (data) events.push(data);
    }
  });
  return { response, events };
}
