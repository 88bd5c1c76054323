import type { Choice, Reply } from "../../../conversation/types.js";
import { renderWhatsAppText } from "../renderWhatsAppText.js";

interface Envelope {
  messaging_product: "whatsapp";
  recipient_type: "individual";
  to: string;
}

export type CloudTextBody = Envelope & { type: "text"; text: { body: string } };
export type CloudButtonsBody = Envelope & {
  type: "interactive";
  interactive: {
    type: "button";
    body: { text: string };
    action: { buttons: { type: "reply"; reply: { id: string; title: string } }[] };
  };
};
export type CloudListBody = Envelope & {
  type: "interactive";
  interactive: {
    type: "list";
    body: { text: string };
    action: { button: string; sections: { title: string; rows: { id: string; title: string; description?: string }[] }[] };
  };
};
export type CloudTemplateBody = Envelope & {
  type: "template";
  template: {
    name: string;
    language: { code: string };
    components: { type: "body"; parameters: { type: "text"; text: string }[] }[];
  };
};
/** A JSON body for `POST /{phone-number-id}/messages`. */
export type CloudMessageBody = CloudTextBody | CloudButtonsBody | CloudListBody | CloudTemplateBody;

/** Words the renderer needs, already in the person's language. */
export interface CloudRenderTexts {
  /** Under a numbered list: "Balas dengan angka". */
  pickByNumberHint: string;
  /** The label of the button that opens a list: "Pilih" (at most 20 characters). */
  listButton: string;
  /** The short body of a menu whose text went out on its own: "Silakan pilih:". */
  choosePrompt: string;
}

// Cloud API limits (developers.facebook.com, messages reference): text body 4096; interactive body 1024;
// reply buttons 1-3, title 20, id 256; list rows 1-10 in total, row title 24, row id 200, button label 20, section title 24.
const MAX_TEXT = 4096;
const MAX_INTERACTIVE_BODY = 1024;
const BUTTONS = { max: 3, title: 20, id: 256 };
const LIST = { max: 10, title: 24, description: 72, id: 200, button: 20, sectionTitle: 24 };

/**
 * Renders a Reply as the Cloud API messages that carry it, in send order: reply buttons for up to three
 * short choices, a list for up to ten, and numbered text otherwise. `requestPhone` needs nothing here:
 * a WhatsApp sender's number is already known.
 */
export function renderCloudMessage(to: string, reply: Reply, texts: CloudRenderTexts): CloudMessageBody[] {
  // Pictures (the /stats charts) would need a media upload this adapter does not do; the text reply
  // before them carries the numbers, and it says where the charts can be had.
  if (reply.image) return [];
  const envelope: Envelope = { messaging_product: "whatsapp", recipient_type: "individual", to };
  const choices = reply.choices ?? [];
  const plain = renderWhatsAppText({ ...reply, choices: [] }, texts.pickByNumberHint);
  const asText = (text: string): CloudTextBody[] => splitText(text, MAX_TEXT).map((body) => ({ ...envelope, type: "text", text: { body } }));

  if (choices.length === 0) return asText(plain);

  const layout = fitsButtons(choices) ? "button" : fitsList(choices, texts.listButton) ? "list" : "text";
  if (layout === "text") return asText(renderWhatsAppText(reply, texts.pickByNumberHint));

  // A body too long for the menu goes out first on its own; the menu follows with a short prompt.
  const separate = plain.length > MAX_INTERACTIVE_BODY;
  const before = separate ? asText(plain) : [];
  const body = { text: separate || plain.trim() === "" ? texts.choosePrompt : plain };

  const menu: CloudMessageBody =
    layout === "button"
      ? {
          ...envelope,
          type: "interactive",
          interactive: {
            type: "button",
            body,
            action: { buttons: choices.map((c) => ({ type: "reply", reply: { id: c.id, title: c.label } })) },
          },
        }
      : {
          ...envelope,
          type: "interactive",
          interactive: {
            type: "list",
            body,
            action: {
              button: texts.listButton,
              // Meta requires a section title once there are several sections; one titled section is always valid.
              sections: [{ title: texts.listButton, rows: choices.map(listRow) }],
            },
          },
        };
  return [...before, menu];
}

// Lengths are counted in UTF-16 units, which is never fewer than Meta's character count, so we err on the safe side.
function fitsButtons(choices: Choice[]): boolean {
  return choices.length <= BUTTONS.max && choices.every((c) => fits(c.label, BUTTONS.title) && fits(c.id, BUTTONS.id)) && distinct(choices);
}

function fitsList(choices: Choice[], button: string): boolean {
  return (
    choices.length <= LIST.max &&
    fits(button, Math.min(LIST.button, LIST.sectionTitle)) &&
    choices.every((c) => fits(c.label, LIST.description) && fits(c.id, LIST.id)) &&
    distinct(choices)
  );
}

/**
 * A label longer than a row title ("Kabupaten Sleman, Daerah Istimewa Yogyakarta") keeps its
 * first words as the title and shows in full as the row's description.
 */
function listRow(choice: Choice): { id: string; title: string; description?: string } {
  if (choice.label.length <= LIST.title) return { id: choice.id, title: choice.label };
  const cut = choice.label.slice(0, LIST.title - 1);
  const title = `${(cut.includes(" ") ? cut.slice(0, cut.lastIndexOf(" ")) : cut).replace(/[,\s]+$/, "")}…`;
  return { id: choice.id, title, description: choice.label };
}

function fits(value: string, max: number): boolean {
  return value.trim() !== "" && value.length <= max;
}

// Meta rejects a menu whose ids or titles repeat; numbered text has no such rule.
function distinct(choices: Choice[]): boolean {
  return new Set(choices.map((c) => c.id)).size === choices.length && new Set(choices.map((c) => listRow(c).title)).size === choices.length;
}

/** Splits text into pieces of at most `limit` UTF-16 units, at line breaks where possible, then at spaces. */
function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    const trimmed = current.replace(/^\n+|\n+$/g, "");
    if (trimmed.trim() !== "") pieces.push(trimmed);
    current = "";
  };
  for (const line of text.split("\n")) {
    const candidate = current === "" ? line : `${current}\n${line}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > limit) {
      const head = fittingHead(rest, limit);
      pieces.push(head);
      rest = rest.slice(head.length).replace(/^ +/, "");
    }
    current = rest;
  }
  flush();
  return pieces.length > 0 ? pieces : [text];
}

function fittingHead(line: string, limit: number): string {
  let end = 0;
  for (const char of line) {
    if (end + char.length > limit) break;
    end += char.length; // whole code points, so an emoji is never cut in half
  }
  const lastSpace = line.lastIndexOf(" ", end);
  return lastSpace > 0 ? line.slice(0, lastSpace) : line.slice(0, end);
}
