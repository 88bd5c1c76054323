/** The longest reply staff may write: room for the "Reply from <campaign>:" line within Telegram's 4,096 characters. */
export const maxInboxReplyLength = 3500;

/** What composing needs of a translator: one language's texts, and the default language. */
export interface ReplyTexts {
  defaultLanguage: string;
  forLanguage(language: string): (key: string, vars?: Record<string, unknown>) => string;
}

/**
 * The message a person gets when staff answer them, from the chat's /reply or the dashboard: the
 * campaign team as sender (never the staff member), in the person's own language.
 */
export function composeInboxReply(texts: ReplyTexts, campaignName: Readonly<Record<string, string>>, language: string, text: string): string {
  const campaign = campaignName[language] ?? campaignName[texts.defaultLanguage] ?? Object.values(campaignName)[0] ?? "";
  return texts.forLanguage(language)("inbox:replyMessage", { campaign, text });
}
