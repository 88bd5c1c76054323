// What a task may hold. The offer carries the title, the instructions, the link, the deadline and
// how to answer; Telegram refuses text over 4,096 characters and image captions over 1,024.
export const maxTaskTitle = 100;
export const maxTaskInstructions = 2000;
export const maxTaskMessage = 4000;
export const maxTaskCaption = 1024;
export const maxTaskVolunteers = 100_000;
/** A short text proof ("sudah bagikan 50 brosur di pasar"); anything longer belongs in a link. */
export const maxTaskProofText = 500;
