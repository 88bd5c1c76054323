// A local stand-in for graph.facebook.com's WhatsApp send endpoint: real HTTP, so the Cloud API client runs unmodified.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface GraphRequest {
  method: string;
  path: string;
  /** "v23.0" when the path carried a version. */
  version?: string;
  phoneNumberId: string;
  headers: http.IncomingHttpHeaders;
  authorization: string | undefined;
  /** The parsed JSON body. */
  body: Record<string, unknown>;
  /** What the fake answered. */
  answered: number;
}

export interface GraphError {
  message: string;
  type?: string;
  code: number;
  error_subcode?: number;
  error_data?: { messaging_product: "whatsapp"; details: string };
  fbtrace_id?: string;
}

export interface ProgrammedGraphFailure {
  status: number;
  error?: GraphError;
  /** Extra response headers, e.g. { "retry-after": "2" }. */
  headers?: Record<string, string>;
}

export interface FakeGraphApi {
  /** Versioned root to pass as `apiRoot`, e.g. http://127.0.0.1:PORT/v23.0. */
  url: string;
  /** Every request in arrival order, failed ones included. */
  requests: GraphRequest[];
  /** Bodies of the messages the fake accepted, in order. */
  sent(): Record<string, unknown>[];
  /** The next `times` send requests fail with this status and Graph error body. */
  failNext(failure: ProgrammedGraphFailure, times?: number): void;
  /** Polls `probe` over the recorded requests until it returns something truthy, and returns that. */
  waitFor<T>(probe: (requests: readonly GraphRequest[]) => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export const GRAPH_VERSION = "v23.0";

/** Graph error bodies as Meta sends them. */
export const graphErrors = {
  throughput: (): GraphError => ({
    message: "(#130429) Rate limit hit",
    type: "OAuthException",
    code: 130429,
    error_data: { messaging_product: "whatsapp", details: "Cloud API message throughput has been reached." },
    fbtrace_id: "Az8or2yhqkZfEZ-_4Qn_Bam",
  }),
  pairRate: (): GraphError => ({
    message: "(#131056) (Business Account, Consumer Account) pair rate limit hit",
    type: "OAuthException",
    code: 131056,
    error_data: {
      messaging_product: "whatsapp",
      details: "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.",
    },
    fbtrace_id: "A4O5a8RAgePwbcGSu",
  }),
  reEngagement: (): GraphError => ({
    message: "(#131047) Re-engagement message",
    type: "OAuthException",
    code: 131047,
    error_data: {
      messaging_product: "whatsapp",
      details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    },
    fbtrace_id: "AbCdEfGhIjKlMnOp",
  }),
  server: (): GraphError => ({ message: "An unknown error occurred", type: "OAuthException", code: 1, fbtrace_id: "Axyz" }),
  tokenExpired: (): GraphError => ({
    message: "Error validating access token: Session has expired.",
    type: "OAuthException",
    code: 190,
    error_subcode: 463,
    fbtrace_id: "Atoken",
  }),
};

export async function startFakeGraphApi(): Promise<FakeGraphApi> {
  const requests: GraphRequest[] = [];
  const accepted: Record<string, unknown>[] = [];
  const failures: ProgrammedGraphFailure[] = [];
  let nextMessage = 1;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => reply(res, 500, { error: { message: String(err), type: "OAuthException", code: 1 } }));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const raw = await readAll(req);
    const match = /^(?:\/(v\d+\.\d+))?\/([^/]+)\/messages$/.exec(path);
    if (req.method !== "POST" || !match) {
      return reply(res, 400, { error: { message: "Unsupported post request.", type: "GraphMethodException", code: 100, error_subcode: 33 } });
    }
    const [, version, phoneNumberId = ""] = match;
    const body = (raw === "" ? {} : JSON.parse(raw)) as Record<string, unknown>;
    const failure = failures.shift();
    const status = failure?.status ?? 200;
    requests.push({
      method: req.method,
      path,
      ...(version ? { version } : {}),
      phoneNumberId,
      headers: req.headers,
      authorization: req.headers.authorization,
      body,
      answered: status,
    });
    if (failure) return reply(res, failure.status, failure.error ? { error: failure.error } : {}, failure.headers);

    accepted.push(body);
    const to = String(body.to ?? "");
    reply(res, 200, {
      messaging_product: "whatsapp",
      contacts: [{ input: to, wa_id: to }],
      messages: [{ id: `wamid.FAKE${String(nextMessage++).padStart(6, "0")}` }],
    });
  }

  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/${GRAPH_VERSION}`,
    requests,
    sent: () => [...accepted],
    failNext(failure, times = 1) {
      for (let i = 0; i < times; i++) failures.push(failure);
    },
    async waitFor(probe, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = probe(requests);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`fakeGraphApi.waitFor timed out; ${requests.length} request(s) so far`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function reply(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(payload));
}

function readAll(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
