/** The apps a person can reach the bot on; `console` is the terminal chat. */
export type ChannelName = "telegram" | "whatsapp" | "console";
