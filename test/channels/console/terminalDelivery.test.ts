// The whole loop of the demo, through the doors people use: `npm start` in one shell (the real
// process, stdin piped), `relawan broadcast create` in another, a staff member's /reply in the chat.
// What the bot starts goes through the outbox and is printed into the terminal chat.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { runCli } from "../../../src/cli/runCli.js";
import { createTestApp, repoRoot, staffMember, type TestApp } from "../../support/createTestApp.js";

let app: TestApp;
let terminal: ChildProcessWithoutNullStreams | undefined;
let printed = "";
let closed: Promise<number | null>;

beforeEach(async () => {
  app = await createTestApp();
  printed = "";
  // A step that never comes ends in the test's timeout: then the terminal's output says why.
  onTestFailed(() => console.error(`the terminal printed:\n${printed}`));
});
afterEach(async () => {
  if (terminal && terminal.exitCode === null) {
    const exited = new Promise((resolve) => terminal!.once("exit", resolve));
    terminal.kill("SIGTERM");
    await exited;
  }
  terminal = undefined;
  await app.close();
});

function startTerminal(): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ["bin/relawan.js", "start"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: app.dbUrl, QUIET_HOURS: "00:00-23:59" },
  });
  child.stdout.on("data", (chunk) => (printed += String(chunk)));
  child.stderr.on("data", (chunk) => (printed += String(chunk)));
  // 'close', not 'exit': a process's last output can still be in the pipe when 'exit' comes.
  closed = new Promise((resolve) => child.once("close", (code) => resolve(code)));
  return child;
}

/**
 * Waits until the terminal has printed `text` after position `from`, however long a busy machine
 * takes (the test's timeout bounds it, and then says what the terminal printed); fails at once if
 * the terminal ends first.
 */
async function printedAfter(from: number, text: string): Promise<number> {
  const found = () => {
    const at = printed.indexOf(text, from);
    return at >= 0 ? at + text.length : undefined;
  };
  const outputs = [terminal!.stdout, terminal!.stderr];
  const ended = closed.then(() => found() ?? Promise.reject(new Error(`the terminal ended without printing ${JSON.stringify(text)}; it printed:\n${printed.slice(from)}`)));
  const shown = new Promise<number>((resolve) => {
    const look = () => {
      const at = found();
      if (at === undefined) return;
      for (const output of outputs) output.off("data", look);
      resolve(at);
    };
    for (const output of outputs) output.on("data", look);
    // Listeners run in order: this one after the one that appends to `printed`.
    look();
  });
  return Promise.race([shown, ended]);
}

async function type(line: string): Promise<void> {
  terminal!.stdin.write(`${line}\n`);
}

describe("terminal chat as a channel of the outbox", () => {
  it("prints a broadcast created from another shell and a staff member's /reply, whatever the hour", async () => {
    terminal = startTerminal();
    let at = await printedAfter(0, "Pilih bahasa");
    await type("1");
    at = await printedAfter(at, "kabar kampanye");
    await type("1");
    at = await printedAfter(at, "Profil kandidat");
    await type("/tim Kapan debat berikutnya?");
    at = await printedAfter(at, "Tim kami akan membalas di sini.");

    await app.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
    let cliOut = "";
    // Quiet hours all day long: they hold broadcasts to phones, not to the person at this terminal.
    const code = await runCli(["broadcast", "create", "--segment", "Semua", "--text", "Halo dari posko! Rapat relawan Sabtu jam 10."], {
      env: { DATABASE_URL: app.dbUrl },
      stdout: { write: (s: string) => (cliOut += s) },
      stderr: { write: (s: string) => (cliOut += s) },
    });
    expect(cliOut).toContain("sedang dikirim ke 1 penerima");
    expect(code).toBe(0);
    at = await printedAfter(at, "Halo dari posko! Rapat relawan Sabtu jam 10.");
    // The footer recipients see comes with it: how to stop.
    at = await printedAfter(at, "STOP");

    const item = await app.db.inboxItem.findFirstOrThrow();
    const staff = await staffMember(app, "admin", "9001");
    await staff.say(`/reply ${item.id} Debat berikutnya tanggal 3 Desember.`);
    at = await printedAfter(at, "Debat berikutnya tanggal 3 Desember.");

    // Printed first, recorded right after: both end as sent on the console channel.
    const recorded = async () => (await app.db.delivery.findMany({ select: { status: true, channel: true } })).map((d) => `${d.channel} ${d.status}`);
    while ((await recorded()).some((row) => row !== "console sent")) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await recorded()).toEqual(["console sent", "console sent"]);
    await type("/quit");
    expect(await closed).toBe(0);
    expect(printed.slice(at)).toContain("Sampai jumpa!");
  }, 120_000);
});
