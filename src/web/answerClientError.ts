import type { Socket } from "node:net";

// Node refuses a request whose URL or headers pass its 16 KB limit (a 100 KB search pasted into
// the address bar) before fastify sees it, with an empty 431. Say what to do instead, in both of
// the dashboard's languages: the cookie that names the staff member's language is not read yet.
const TOO_LONG =
  "<!doctype html><html lang=\"id\"><meta charset=\"utf-8\"><title>Permintaan terlalu panjang</title>" +
  "<h1>Permintaan terlalu panjang</h1><p>Alamat atau pencarian ini terlalu panjang. Persingkat kata pencariannya lalu coba lagi.</p>" +
  "<h1 lang=\"en\">Request too long</h1><p lang=\"en\">This address or search is too long. Shorten the search and try again.</p></html>";

/** fastify's clientErrorHandler: a clear page for a request too long to read, a plain 400 otherwise. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) return;
  const tooLong = error.code === "HPE_HEADER_OVERFLOW";
  const body = tooLong ? TOO_LONG : "Bad request";
  const head = tooLong ? "431 Request Header Fields Too Large" : "400 Bad Request";
  const type = tooLong ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
  socket.end(`HTTP/1.1 ${head}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
