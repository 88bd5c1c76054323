// What a page can follow live (GET /live/<name>): each topic is a cheap reading of the database that
// changes when what the page shows changes. Read from the database, so a page served by one process
// sees what another process did (several bot processes on one PostgreSQL).
import type { Db } from "../../db/client.js";
import { readBroadcastsMarker } from "../../domain/broadcasts/readBroadcastsMarker.js";
import { readInboxMarker } from "../../domain/inbox/readInboxMarker.js";
import type { StaffPermission } from "../../domain/staff/hasPermission.js";
import { readTasksMarker } from "../../domain/tasks/readTasksMarker.js";
import { readImportJobsMarker } from "../importJobs.js";

export interface LiveTopic {
  /** The address: /live/<name>; a page marks what redraws with data-live="<name>". */
  name: string;
  /** The permission of the pages that show it: the stream is checked like them. */
  permission: StaffPermission;
  readMarker(db: Db): Promise<string>;
}

export const broadcastsTopic: LiveTopic = { name: "broadcasts", permission: "broadcasts", readMarker: (db) => readBroadcastsMarker(db) };
export const inboxTopic: LiveTopic = { name: "inbox", permission: "inbox", readMarker: readInboxMarker };
export const tasksTopic: LiveTopic = { name: "tasks", permission: "tasks", readMarker: readTasksMarker };

// Import jobs live in the memory of the process that took the upload (src/web/importJobs.ts).
export const importsTopic: LiveTopic = { name: "imports", permission: "import", readMarker: async () => readImportJobsMarker() };

export const liveTopics: readonly LiveTopic[] = [broadcastsTopic, inboxTopic, importsTopic, tasksTopic];
