// whatsapp-web.js drives a browser through puppeteer. Never download one at
// install time: Relawan uses the system's Chromium (CHROME_PATH, see README).
/** @type {import("puppeteer").Configuration} */
module.exports = { skipDownload: true };
