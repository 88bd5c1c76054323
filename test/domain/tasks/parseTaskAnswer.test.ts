import { describe, expect, it } from "vitest";
import { parseTaskAnswer } from "../../../src/domain/tasks/parseTaskAnswer.js";

describe("parseTaskAnswer", () => {
  it("reads the forms the offer asks for, in either language, as exact", () => {
    expect(parseTaskAnswer("TERIMA 12")).toEqual({ action: "accept", taskId: 12, rest: "", exact: true });
    expect(parseTaskAnswer("tolak 12")).toEqual({ action: "decline", taskId: 12, rest: "", exact: true });
    expect(parseTaskAnswer(" SELESAI 12 ")).toEqual({ action: "done", taskId: 12, rest: "", exact: true });
    expect(parseTaskAnswer("Accept 7")).toEqual({ action: "accept", taskId: 7, rest: "", exact: true });
    expect(parseTaskAnswer("DECLINE 7")).toEqual({ action: "decline", taskId: 7, rest: "", exact: true });
    expect(parseTaskAnswer("done 7")).toEqual({ action: "done", taskId: 7, rest: "", exact: true });
    expect(parseTaskAnswer("terima tugas #12")).toEqual({ action: "accept", taskId: 12, rest: "", exact: true });
    expect(parseTaskAnswer("Tolak task 12.")).toEqual({ action: "decline", taskId: 12, rest: "", exact: true });
  });

  it("reads informal forms, which count only for an offered task", () => {
    expect(parseTaskAnswer("ok 12")).toMatchObject({ action: "accept", taskId: 12, exact: false });
    expect(parseTaskAnswer("siap 12!")).toMatchObject({ action: "accept", taskId: 12 });
    expect(parseTaskAnswer("terima 12 ya kak")).toMatchObject({ action: "accept", taskId: 12, exact: false });
    expect(parseTaskAnswer("gak bisa 12")).toMatchObject({ action: "decline", taskId: 12 });
    expect(parseTaskAnswer("tolak 12 lagi sakit")).toMatchObject({ action: "decline", taskId: 12, rest: "", exact: false });
    expect(parseTaskAnswer("tugas 12 selesai")).toMatchObject({ action: "done", taskId: 12, exact: false });
    expect(parseTaskAnswer("task #3 done")).toMatchObject({ action: "done", taskId: 3 });
    expect(parseTaskAnswer("sudah selesai 4")).toMatchObject({ action: "done", taskId: 4 });
  });

  it("keeps what follows a done report, as typed, for the proof", () => {
    expect(parseTaskAnswer("SELESAI 12 https://Example.org/Foto?id=1")).toMatchObject({ action: "done", taskId: 12, rest: "https://Example.org/Foto?id=1", exact: false });
    expect(parseTaskAnswer("selesai no. 12: sudah bagikan 50 brosur")).toMatchObject({ taskId: 12, rest: "sudah bagikan 50 brosur" });
  });

  it("leaves ordinary talk alone", () => {
    for (const text of ["ok 12 orang", "ikut 17 agustusan", "terima kasih", "terima kasih 100", "ok", "ya", "12", "bagikan 12 brosur", "selesaikan 12", "tolong 12", "", "terima 12345678901"]) {
      expect(parseTaskAnswer(text), text).toBeUndefined();
    }
  });

  it("reads a bare word only for the strong ones, without a task number", () => {
    expect(parseTaskAnswer("SELESAI")).toEqual({ action: "done", rest: "", exact: false });
    expect(parseTaskAnswer("terima")).toEqual({ action: "accept", rest: "", exact: false });
    expect(parseTaskAnswer("sudah")).toBeUndefined();
  });
});
