// What every browser driver shares: Debian's Chromium (or CHROMIUM), headless, as root in a
// container can run it, driven by playwright-core.
const { chromium } = require('playwright-core');

exports.MINUTES = 60 * 1000;

exports.launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
