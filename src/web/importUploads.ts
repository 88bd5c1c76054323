// The import page's file upload (multipart): the one file is streamed to a private temp folder, at
// most `maxBytes` (a larger one is marked, not kept); the form's other fields land in the body as
// text, so the CSRF check reads _csrf as for any form. A file no import job took over by the end of
// the response (a refused CSRF, a wrong field) is deleted then.
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";

export interface UploadedFile {
  /** Where it is on disk; an import job moves it away, or it is deleted after the response. */
  path: string;
  /** The name the browser sent, for the report and the audit log. */
  fileName: string;
  /** Larger than maxBytes: only the start was kept. */
  truncated: boolean;
}

/** Telegram lets bots download 20 MB: the same limit for every import, wherever it comes from. */
export const maxUploadBytes = 20 * 1024 * 1024;

const folders = new WeakMap<FastifyRequest, string[]>();

export async function registerImportUploads(app: FastifyInstance, maxBytes = maxUploadBytes): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: "keyValues",
    throwFileSizeLimit: false,
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
    async onFile(part) {
      const folder = await mkdtemp(join(tmpdir(), "relawan-upload-"));
      folders.set(this, [...(folders.get(this) ?? []), folder]);
      const path = join(folder, "upload");
      await pipeline(part.file, createWriteStream(path));
      const uploaded: UploadedFile = { path, fileName: (part.filename || "import").slice(0, 200), truncated: part.file.truncated };
      (part as unknown as { value: UploadedFile }).value = uploaded;
    },
  });
  app.addHook("onResponse", async (request) => {
    for (const folder of folders.get(request) ?? []) await rm(folder, { recursive: true, force: true });
  });
}

/** The uploaded file of a form field, if the field holds one. */
export function uploadedFile(value: unknown): UploadedFile | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const file = value as Partial<UploadedFile>;
  return typeof file.path === "string" && typeof file.fileName === "string" ? (file as UploadedFile) : undefined;
}
