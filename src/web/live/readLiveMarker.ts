import { createHash } from "node:crypto";
import type { Db } from "../../db/client.js";
import type { LiveTopic } from "./liveTopics.js";

/**
 * A topic's marker as the stream sends it: hashed, so it says only "changed", whatever the reading
 * holds. A page puts it in data-live-marker, so a change between drawing the page and opening the
 * stream is not missed.
 */
export async function readLiveMarker(topic: LiveTopic, db: Db): Promise<string> {
  return createHash("sha256").update(await topic.readMarker(db)).digest("base64url").slice(0, 16);
}
