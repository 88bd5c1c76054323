import { createConnection } from "node:net";

/** Whether something accepts TCP connections at host:port within a second. */
export function isReachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1000 });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}

/**
 * For tests that need a real service (Redis, PostgreSQL): true when it is there. On a machine
 * without it the tests skip with a loud reason; in CI (CI=true) its absence is a failure.
 */
export async function requireService(name: string, host: string, port: number): Promise<boolean> {
  if (await isReachable(host, port)) return true;
  const reason = `${name} is not reachable at ${host}:${port}`;
  if (process.env.CI === "true") throw new Error(`${reason}; CI must run these tests against it`);
  console.warn(`\n*** SKIPPING ${name} tests: ${reason}. Start ${name} to run them (CI requires them). ***\n`);
  return false;
}
