// A TCP relay between the dispatchers and a real service (PostgreSQL, Redis), so a test can make
// the service "restart" as its clients see it (every connection dropped, new ones refused for a
// while) without touching the machine's service, which CI must not do.
import net from "node:net";

export interface TcpProxy {
  /** The local port clients connect to instead of the service's. */
  port: number;
  /** Drops every open connection and refuses new ones (ECONNREFUSED) until restore(). */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  /** Connections relayed so far. */
  connections(): number;
  close(): Promise<void>;
}

export async function createTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let relayed = 0;
  const server = net.createServer((client) => {
    relayed++;
    const upstream = net.connect(target.port, target.host);
    // A connection dies as a whole, as when the server process goes away.
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.setNoDelay(true);
      socket.on("error", drop);
      socket.on("close", drop);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await listen(server, 0);
  const { port } = server.address() as net.AddressInfo;
  let listening = true;

  return {
    port,
    async cut() {
      if (!listening) return;
      listening = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of [...open]) socket.destroy();
      open.clear();
      await closed;
    },
    async restore() {
      if (listening) return;
      await listen(server, port);
      listening = true;
    },
    connections: () => relayed,
    async close() {
      for (const socket of [...open]) socket.destroy();
      if (listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      listening = false;
    },
  };
}

function listen(server: net.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}
