// One learner on the class server, in headless Chromium: logs in to JupyterHub, puts their solved
// notebook in their own copy of the course (as a learner who solved the task would), types an
// analysis and saves, runs all cells from the Cell menu, waits for the last cell, and reports
// what the page shows as JSON on stdout, with a screenshot of the whole notebook. With TOGETHER
// (a folder) and COUNT, it runs all cells once COUNT learners have put their names in the folder,
// so that learners whose pages loaded at different speeds still run at once.
//
//   node hub_learner.js HUB_URL NAME PASSWORD SOLVED_NOTEBOOK SCREENSHOT ANALYSIS_TEXT [TOGETHER COUNT]
const fs = require('fs');
const path = require('path');
const { launch, classic, MINUTES } = require('./browser');

const [hub, name, password, solved, screenshot, analysis, together, count] = process.argv.slice(2);

/** Says this learner is ready and waits until COUNT are. */
async function startTogether() {
  if (!together) return;
  fs.writeFileSync(path.join(together, name), '');
  const until = Date.now() + 3 * MINUTES;
  while (fs.readdirSync(together).length < Number(count)) {
    if (Date.now() > until) throw new Error(`the other learners were not ready within 3 minutes`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

(async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${hub}/hub/login`);
    await page.fill('#username_input', name);
    await page.fill('#password_input', password);
    await page.click('#login_submit');
    await page.waitForURL(new RegExp(`/user/${name}/tree`), { timeout: 3 * MINUTES });

    // The learner's solution, saved over their copy through the server's contents API.
    const file = path.basename(solved);
    const content = JSON.parse(fs.readFileSync(solved, 'utf8'));
    const status = await page.evaluate(async ({ name, file, content }) => {
      const xsrf = (document.cookie.match(/_xsrf=([^;]+)/) || [])[1] || '';
      const r = await fetch(`/user/${name}/api/contents/${file}`, {
        method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-XSRFToken': decodeURIComponent(xsrf) },
        body: JSON.stringify({ type: 'notebook', format: 'json', content }),
      });
      return r.status;
    }, { name, file, content });
    if (status !== 200 && status !== 201) throw new Error(`saving the notebook answered ${status}`);

    await page.goto(`${hub}/user/${name}/notebooks/${file}`);
    await classic.waitForKernel(page);
    const kernel = await page.evaluate(() => Jupyter.notebook.kernel.name);
    await classic.typeAnalysis(page, analysis);
    await classic.save(page);

    // A waiting line is replaced in place once the run starts: note each one as it shows.
    await page.evaluate(() => {
      window.waitsSeen = [];
      setInterval(() => {
        for (const o of document.querySelectorAll('.output_area')) {
          for (const l of o.innerText.split('\n')) {
            const at = l.indexOf('waiting:');
            if (at >= 0 && !window.waitsSeen.includes(l.slice(at))) window.waitsSeen.push(l.slice(at));
          }
        }
      }, 100);
    });
    await startTogether();
    const started = Date.now();
    await classic.runAll(page, 10, 500);
    const seconds = (Date.now() - started) / 1000;

    const shown = await classic.shown(page);
    const waiting = await page.evaluate(() => window.waitsSeen);
    await classic.screenshot(page, screenshot);
    console.log(JSON.stringify({ ...shown, waiting, kernel, seconds }));
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.error(e.stack || String(e));
  process.exit(1);
});
