/** The Intl locale for one of the bot's languages: Indonesian as in Indonesia, English as in Britain (day before month, 24-hour clock). */
export function intlLocale(language: string): string {
  return language === "id" ? "id-ID" : "en-GB";
}
