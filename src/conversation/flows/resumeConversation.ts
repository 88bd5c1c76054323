// A person comes back to a channel that has no "new message" of its own (the terminal chat at
// launch): greet them briefly and ask the question of the step they stopped at again, instead of
// starting over. Nothing they answered so far is lost.
import type { Turn } from "../turn.js";
import { showMenu } from "./mainMenu.js";
import { resumeMyData } from "./myData.js";
import { promptLanguage, promptUpdatesConsent } from "./onboarding.js";
import { resumeVolunteerSignUp } from "./volunteerSignUp.js";

export function resumeConversation(turn: Turn): void {
  const name = turn.contact.name;
  const welcome = name ? turn.t("resume.welcomeBackNamed", { name }) : turn.t("resume.welcomeBack");
  switch (turn.flow) {
    case "onboarding":
      turn.say({ text: welcome });
      return turn.step === "language" ? promptLanguage(turn) : promptUpdatesConsent(turn);
    case "language":
      turn.say({ text: welcome });
      promptLanguage(turn);
      // promptLanguage belongs to onboarding; /bahasa goes back to the menu after the pick.
      return turn.go("language", "language", {});
    case "volunteer":
      turn.say({ text: `${welcome} ${turn.t("resume.continueSignUp")}` });
      return resumeVolunteerSignUp(turn);
    case "myData":
      turn.say({ text: `${welcome} ${turn.t("resume.continueMyData")}` });
      return resumeMyData(turn);
    case "idle":
      return showMenu(turn, `${welcome} ${turn.t("menu.prompt")}`);
    default: {
      // A staff wizard (segment, broadcast, task, import): its state is kept; the choices it last showed come back.
      const offered = turn.previouslyOffered;
      turn.say({ text: `${welcome} ${turn.t("resume.continueOther")}`, ...(offered.length > 0 ? { choices: offered } : {}) });
    }
  }
}
