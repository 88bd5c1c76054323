import { renderTaskMessage, type TaskMessageKind, type TaskToRender, type TaskVoice } from "./renderTaskMessage.js";

/** The message in every language the bot speaks: texts and button JSON, keyed by language. */
export function renderTaskMessages(kind: TaskMessageKind, task: TaskToRender, voice: TaskVoice): { texts: Record<string, string>; choices: Record<string, string> } {
  const texts: Record<string, string> = {};
  const choices: Record<string, string> = {};
  for (const language of voice.translator.languages) {
    const message = renderTaskMessage(kind, task, language, voice);
    texts[language] = message.text;
    choices[language] = JSON.stringify(message.choices);
  }
  return { texts, choices };
}
