// One learner on the class server, in headless Chromium: logs in to JupyterHub, puts their solved
// notebook in their own copy of the course (as a learner who solved the task would), types an
// analysis and saves, runs all cells from the Cell menu, waits for the last cell, and reports
// what the page shows as JSON on stdout, with a screenshot of the whole notebook.
//
//   node hub_learner.js HUB_URL NAME PASSWORD SOLVED_NOTEBOOK SCREENSHOT ANALYSIS_TEXT
const fs = require('fs');
const path = require('path');
const { launch, MINUTES } = require('./browser');

const [hub, name, password, solved, screenshot, analysis] = process.argv.slice(2);

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
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
        && Jupyter.notebook.kernel.is_connected(), null, { timeout: 2 * MINUTES });
    const kernel = await page.evaluate(() => Jupyter.notebook.kernel.name);

    const index = await page.evaluate(() => Jupyter.notebook.get_cells()
        .findIndex(c => (c.metadata.tags || []).includes('analysis')));
    if (index >= 0) {
      const cell = page.locator('#notebook-container > .cell').nth(index);
      await cell.scrollIntoViewIfNeeded();
      await cell.dblclick();
      await cell.locator('.CodeMirror textarea').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(analysis);
      await page.keyboard.press('Shift+Enter');
    }
    await page.keyboard.press('Control+S');
    await page.waitForFunction(() => !Jupyter.notebook.dirty, null, { timeout: MINUTES });

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
    const started = Date.now();
    await page.click('#celllink');
    await page.click('#run_all_cells');
    await page.waitForFunction(() => {
      const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
      const last = code[code.length - 1];
      return last.output_area.outputs.length > 0 && code.every(c => c.input_prompt_number !== '*');
    }, null, { timeout: 10 * MINUTES, polling: 500 });
    const seconds = (Date.now() - started) / 1000;

    const shown = await page.evaluate(() => ({
      checklists: [...document.querySelectorAll('.escapelab-checklist')].map(c => c.innerText),
      errors: [...document.querySelectorAll('.output_error')].map(e => e.innerText.slice(0, 500)),
      waiting: window.waitsSeen,
      lastOutput: (() => {
        const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
        return code[code.length - 1].output_area.element[0].innerText;
      })(),
    }));
    await page.addStyleTag({ content: '#site { height: auto !important; overflow: visible !important; }' });
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(JSON.stringify({ ...shown, kernel, seconds }));
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.error(e.stack || String(e));
  process.exit(1);
});
