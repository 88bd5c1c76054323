// What the bot sends when it starts a message (a broadcast, a task offer, a staff reply), as the
// domain writes it and the delivery layer hands it to a channel.
import type { ChannelName } from "../contacts/channelName.js";

/**
 * What goes out for one delivery, already in the recipient's language, footer included. The
 * text always says how to answer by typing; `choices` add buttons where the platform has them.
 */
export interface OutboundMessage {
  text: string;
  imageUrl?: string;
  choices?: OutboundChoice[];
}

/** A button: `id` comes back as the inbound choice when pressed (Telegram: at most 64 bytes). */
export interface OutboundChoice {
  id: string;
  label: string;
}

/** What a broadcast's renderer sees of the broadcast. */
export interface BroadcastToRender {
  id: string;
  /** { [language]: text } as the staff member wrote it. */
  texts: Record<string, string>;
  imageUrl: string | null;
  operational: boolean;
}

/** What a broadcast's renderer sees of the person it goes to. */
export interface RecipientToRender {
  id: string;
  name: string | null;
  language: string;
  role: string | null;
  regionCode: string | null;
}

/**
 * Turns a broadcast into the message one person gets: their language, the campaign's name,
 * the "Balas STOP untuk berhenti" footer. Throwing marks the delivery failed ("render_failed").
 */
export type RenderBroadcast = (broadcast: BroadcastToRender, recipient: RecipientToRender, channel: ChannelName) => OutboundMessage;
