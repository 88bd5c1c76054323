import { StartupError } from "../StartupError.js";

export interface ListenSettings {
  /** The settings that chose the address, by name: OPS_PORT and OPS_HOST, say. */
  portSetting: string;
  hostSetting: string;
  port: number;
  host: string;
}

/** A server that could not listen, in one line naming the setting to change; undefined for anything else. */
export function describeListenFailure(error: unknown, at: ListenSettings): StartupError | undefined {
  const { code, syscall, hostname } = (error ?? {}) as { code?: unknown; syscall?: unknown; hostname?: unknown };
  // Only what listen() itself said: a channel's start also calls its platform, which fails in other ways.
  const fromListen = syscall === "listen" || (syscall === "getaddrinfo" && hostname === at.host);
  if (!fromListen) return undefined;
  const address = `${at.host}:${at.port}`;
  switch (code) {
    case "EADDRINUSE":
      return new StartupError(`Configuration error: ${at.portSetting}: ${address} is already in use by another program. Stop that program or set ${at.portSetting} to a free port.`, 2);
    case "EACCES":
      return new StartupError(`Configuration error: ${at.portSetting}: this user may not listen on port ${at.port} (ports below 1024 need root). Use a port above 1024 and let a reverse proxy forward to it.`, 2);
    case "EADDRNOTAVAIL":
      return new StartupError(`Configuration error: ${at.hostSetting}: ${at.host} is not an address of this machine. Use 127.0.0.1, 0.0.0.0 or one of the machine's own addresses.`, 2);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new StartupError(`Configuration error: ${at.hostSetting}: cannot resolve the host name "${at.host}". Use an IP address like 127.0.0.1 or 0.0.0.0.`, 2);
    default:
      return undefined;
  }
}
