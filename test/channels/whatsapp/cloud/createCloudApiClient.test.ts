import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CloudApiError, CloudNetworkError } from "../../../../src/channels/whatsapp/cloud/cloudApiErrors.js";
import { createCloudApiClient, type CloudApiClientOptions } from "../../../../src/channels/whatsapp/cloud/createCloudApiClient.js";
import type { CloudTextBody } from "../../../../src/channels/whatsapp/cloud/renderCloudMessage.js";
import { graphErrors, startFakeGraphApi, type FakeGraphApi } from "../../../support/fakeGraphApi.js";

const PHONE_NUMBER_ID = "106540352242922";
const TOKEN = "EAAGm0PX4ZCpsBO-test-token";
const BODY: CloudTextBody = { messaging_product: "whatsapp", recipient_type: "individual", to: "6281234567890", type: "text", text: { body: "Halo" } };

let api: FakeGraphApi;
let sleeps: number[];
beforeEach(async () => {
  api = await startFakeGraphApi();
  sleeps = [];
});
afterEach(async () => {
  await api.close();
});

function client(overrides: Partial<CloudApiClientOptions> = {}) {
  return createCloudApiClient({
    apiRoot: api.url,
    phoneNumberId: PHONE_NUMBER_ID,
    token: TOKEN,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0,
    ...overrides,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("createCloudApiClient", () => {
  it("posts the body as JSON with the bearer token and returns the wamid", async () => {
    await expect(client().send(BODY)).resolves.toEqual({ messageId: "wamid.FAKE000001" });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({
      method: "POST",
      path: `/v23.0/${PHONE_NUMBER_ID}/messages`,
      authorization: `Bearer ${TOKEN}`,
      body: BODY,
    });
    expect(api.requests[0]?.headers["content-type"]).toBe("application/json");
    expect(sleeps).toEqual([]);
  });

  it("accepts an apiRoot with a trailing slash", async () => {
    await client({ apiRoot: `${api.url}/` }).send(BODY);
    expect(api.requests[0]?.path).toBe(`/v23.0/${PHONE_NUMBER_ID}/messages`);
  });

  // Slowing down is the channel limiter's (its pause, or the delivery's retry): the client waits out none of it.
  it("hands HTTP 429 back at once as a retryable error, without waiting or sending again", async () => {
    api.failNext({ status: 429, error: graphErrors.throughput() });
    const err = await rejection(client().send(BODY));
    expect(err).toBeInstanceOf(CloudApiError);
    expect(err).toMatchObject({ message: "(#130429) Rate limit hit", status: 429, code: 130429, retryable: true });
    expect((err as CloudApiError).details).toMatchObject({
      attempts: 1,
      fbtraceId: "Az8or2yhqkZfEZ-_4Qn_Bam",
      explanation: "Cloud API message throughput has been reached.",
      type: "OAuthException",
    });
    expect(api.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each([
    ["throughput (130429)", graphErrors.throughput()],
    ["pair rate (131056)", graphErrors.pairRate()],
    ["app rate (4)", { message: "(#4) Application request limit reached", type: "OAuthException", code: 4 }],
    ["WABA rate (80007)", { message: "(#80007) Rate limit issues", type: "OAuthException", code: 80007 }],
  ])("hands %s in a 400 body back at once as retryable", async (_name, error) => {
    api.failNext({ status: 400, error });
    const err = await rejection(client().send(BODY));
    expect(err).toMatchObject({ code: error.code, retryable: true });
    expect(api.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("passes Meta's Retry-After on with a throttling error, however short", async () => {
    api.failNext({ status: 429, error: graphErrors.throughput(), headers: { "retry-after": "2" } });
    const err = await rejection(client().send(BODY));
    expect((err as CloudApiError).details).toMatchObject({ status: 429, code: 130429, retryable: true, attempts: 1, retryAfterMs: 2000 });
    expect(sleeps).toEqual([]);
  });

  it("gives up on server errors after maxAttempts with a retryable CloudApiError carrying Meta's code", async () => {
    api.failNext({ status: 500, error: graphErrors.server() }, 4);
    const err = await rejection(client({ maxAttempts: 4 }).send(BODY));
    expect(err).toBeInstanceOf(CloudApiError);
    expect(err).toMatchObject({ status: 500, code: 1, retryable: true });
    expect((err as CloudApiError).details).toMatchObject({ attempts: 4, fbtraceId: "Axyz" });
    expect(api.requests).toHaveLength(4);
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it("spreads retries with jitter between half and all of the exponential step", async () => {
    api.failNext({ status: 500, error: graphErrors.server() }, 3);
    await client({ random: () => 0.999999 }).send(BODY);
    expect(sleeps.map((ms) => Math.round(ms))).toEqual([500, 1000, 2000]);
  });

  it("retries server errors and then succeeds", async () => {
    api.failNext({ status: 500, error: graphErrors.server() });
    api.failNext({ status: 503 });
    await expect(client().send(BODY)).resolves.toEqual({ messageId: "wamid.FAKE000001" });
    expect(api.requests.map((r) => r.answered)).toEqual([500, 503, 200]);
  });

  it("does not retry 131047 (outside the 24-hour window), and says so in a typed error", async () => {
    api.failNext({ status: 400, error: graphErrors.reEngagement() });
    const err = await rejection(client().send(BODY));
    expect(err).toBeInstanceOf(CloudApiError);
    expect(err).toMatchObject({ status: 400, code: 131047, retryable: false, message: "(#131047) Re-engagement message" });
    expect(api.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("does not retry an expired token or an invalid parameter", async () => {
    api.failNext({ status: 401, error: graphErrors.tokenExpired() });
    api.failNext({ status: 400, error: { message: "(#100) Invalid parameter", type: "OAuthException", code: 100, fbtrace_id: "A1" } });
    expect(await rejection(client().send(BODY))).toMatchObject({ code: 190, status: 401, retryable: false, details: { subcode: 463 } });
    expect(await rejection(client().send(BODY))).toMatchObject({ code: 100, status: 400, retryable: false });
    expect(api.requests).toHaveLength(2);
  });

  it("retries when nothing answers and then throws a CloudNetworkError", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const err = await rejection(client({ apiRoot: `http://127.0.0.1:${port}/v23.0`, maxAttempts: 3 }).send(BODY));
    expect(err).toBeInstanceOf(CloudNetworkError);
    expect(err).toMatchObject({ retryable: true, attempts: 3 });
    expect(sleeps).toEqual([250, 500]);
  });

  it("sends a message once when asked: a request that may have arrived is thrown, one that never left is tried again", async () => {
    let arrived = 0;
    const slow = http.createServer(() => void arrived++); // takes the request, never answers
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const { port } = slow.address() as AddressInfo;
    try {
      const err = await rejection(client({ apiRoot: `http://127.0.0.1:${port}/v23.0`, maxAttempts: 3, timeoutMs: 50 }).send(BODY, { once: true }));
      expect(err).toBeInstanceOf(CloudNetworkError);
      expect(err).toMatchObject({ attempts: 1, mayHaveArrived: true });
      expect(arrived).toBe(1);
      expect(sleeps).toEqual([]);
      // Without `once` (a reply), the same is sent again: a rare duplicate beats a lost reply.
      await rejection(client({ apiRoot: `http://127.0.0.1:${port}/v23.0`, maxAttempts: 2, timeoutMs: 50 }).send(BODY));
      expect(arrived).toBe(3);
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await rejection(client({ apiRoot: `http://127.0.0.1:${free}/v23.0`, maxAttempts: 3 }).send(BODY, { once: true }));
    expect(refused).toMatchObject({ name: "CloudNetworkError", attempts: 3, mayHaveArrived: false });
  });

  it("treats a request that takes too long as a network failure", async () => {
    const slow = http.createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const { port } = slow.address() as AddressInfo;
    try {
      const err = await rejection(client({ apiRoot: `http://127.0.0.1:${port}/v23.0`, maxAttempts: 1, timeoutMs: 50 }).send(BODY));
      expect(err).toBeInstanceOf(CloudNetworkError);
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});
