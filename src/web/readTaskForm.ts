// The new-task form's fields (POST body): what the form shows again, and the plan the domain checks.
// Reading is the adapter's part (a date and time field, a number field, a checkbox); every rule
// about a task is checkNewTask's, as in the chat's /task new.
import { createHash } from "node:crypto";
import { parseSendTime } from "../domain/broadcasts/parseSendTime.js";
import type { TaskPlan } from "../domain/tasks/checkNewTask.js";
import { readFormField } from "./readFormField.js";

export const taskFormFields = ["judul", "petunjuk", "tautan", "gambar", "segmen", "tenggat", "zona", "maks"] as const;
export type TaskFormValues = Record<(typeof taskFormFields)[number], string> & { operasional: boolean };

export type TaskFormReading =
  | { status: "ok"; plan: Omit<TaskPlan, "now"> & { operational: boolean }; zone: string }
  /** The deadline field could not be read; the domain's checks have not run. */
  | { status: "bad_deadline" }
  | { status: "deadline_past"; at: Date; zone: string }
  | { status: "unknown_zone"; zone: string };

export interface TaskForm {
  values: TaskFormValues;
  /** The form's one-time key (createTask's formKey); undefined when missing or malformed. */
  key: string | undefined;
  /** The digest of the values the staff member saw previewed (hidden field), if any. */
  previewed: string;
}

const MAX_FIELD = 5000;

export function readTaskForm(input: unknown): TaskForm {
  const form = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
  const one = (name: string) => readFormField(form, name, MAX_FIELD);
  const values = { ...Object.fromEntries(taskFormFields.map((name) => [name, one(name)])), operasional: one("operasional") === "ya" } as TaskFormValues;
  const key = one("kunci");
  return { values, key: /^[A-Za-z0-9_-]{16,64}$/.test(key) ? key : undefined, previewed: one("pratinjau") };
}

/** The deadline ("2026-12-10T17:00" from a datetime-local field, in the zone chosen beside it) and the rest as typed. */
export function readTaskPlan(values: TaskFormValues, now: Date, defaultZone: string): TaskFormReading {
  const zone = values.zona.trim() || defaultZone;
  const when = parseSendTime(`${values.tenggat.trim()} ${zone}`, now, defaultZone);
  if (when.status === "unknown_zone") return { status: "unknown_zone", zone: values.zona.slice(0, 40) };
  if (when.status === "past") return { status: "deadline_past", at: when.at, zone: when.zone };
  if (when.status !== "ok") return { status: "bad_deadline" };
  const max = values.maks.trim();
  return {
    status: "ok",
    zone: when.zone,
    plan: {
      title: values.judul,
      instructions: values.petunjuk,
      link: values.tautan.trim() || undefined,
      imageUrl: values.gambar.trim() || undefined,
      segmentId: values.segmen,
      deadline: when.at,
      // Empty or 0: no limit, as "0" in the chat; anything else not a whole number is the domain's bad_max.
      maxVolunteers: max === "" || max === "0" ? undefined : /^\d{1,9}$/.test(max) ? Number(max) : Number.NaN,
      operational: values.operasional,
    },
  };
}

/** What the preview showed: a confirm whose fields differ from it is shown the new preview instead of creating. */
export function digestTaskForm(values: TaskFormValues): string {
  return createHash("sha256").update(JSON.stringify(values)).digest("base64url").slice(0, 22);
}
