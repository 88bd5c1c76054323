import type { FastifyReply } from "fastify";

export const SESSION_COOKIE = "relawan_session";
export const LANGUAGE_COOKIE = "relawan_lang";

/** HttpOnly (no script reads it), SameSite=Lax (sent when a link is opened, not on a cross-site form post), Secure on https. */
export function setSessionCookie(reply: FastifyReply, token: string, options: { expires: Date; secure: boolean }): void {
  reply.setCookie(SESSION_COOKIE, token, { path: "/", httpOnly: true, sameSite: "lax", secure: options.secure, expires: options.expires });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure });
}
