// The process behind bin/relawan.js: .env like the bot, then the CLI on the real streams.
import { config as loadDotenv } from "dotenv";
import { runCli } from "./runCli.js";

loadDotenv({ quiet: true });
process.exitCode = await runCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr });
