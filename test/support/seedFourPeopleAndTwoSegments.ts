// The CLI tests' campaign: four people on Telegram (one in English, one volunteer, one without
// consent) and the segments "Semua" (everyone) and "Relawan" (volunteers).
import { onboard, person, signUpVolunteer, type TestApp } from "./createTestApp.js";

export async function seedFourPeopleAndTwoSegments(app: TestApp): Promise<void> {
  await onboard(person(app, "telegram", "8001"));
  await onboard(person(app, "telegram", "8002"), { language: "en" });
  const volunteer = person(app, "telegram", "8003");
  await onboard(volunteer);
  await signUpVolunteer(volunteer);
  await onboard(person(app, "telegram", "8004"), { consent: false });
  await app.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
  await app.db.segment.create({ data: { name: "Relawan", definition: JSON.stringify({ role: "volunteer" }), createdBy: "test" } });
}
