// Drives one notebook through the Notebook UI as a learner would, in headless Chromium:
// types an analysis into the cell tagged `analysis`, saves (Ctrl-S), runs all cells from the
// Cell menu, waits for the last cell, then reports what the page shows as JSON on stdout and
// keeps a screenshot of the whole notebook.
//
//   node run_notebook.js URL SCREENSHOT ANALYSIS_TEXT
//   (URL: the notebook's page with its token; CHROMIUM names the browser, default /usr/bin/chromium)
const { launch, MINUTES } = require('./browser');

const [url, screenshot, analysis] = process.argv.slice(2);

(async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(url);
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
        && Jupyter.notebook.kernel.is_connected(), null, { timeout: 2 * MINUTES });

    // The learner's own words, typed into the analysis cell's editor.
    const index = await page.evaluate(() => Jupyter.notebook.get_cells()
        .findIndex(c => (c.metadata.tags || []).includes('analysis')));
    if (index < 0) throw new Error('no cell tagged analysis');
    const cell = page.locator('#notebook-container > .cell').nth(index);
    await cell.scrollIntoViewIfNeeded();
    await cell.dblclick();
    const editor = cell.locator('.CodeMirror textarea');
    await editor.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(analysis);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Control+S');
    await page.waitForFunction(() => !Jupyter.notebook.dirty, null, { timeout: MINUTES });

    // Cell → Run All, then wait for the last code cell's output.
    await page.click('#celllink');
    await page.click('#run_all_cells');
    await page.waitForFunction(() => {
      const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
      const last = code[code.length - 1];
      return last.output_area.outputs.length > 0 && code.every(c => c.input_prompt_number !== '*');
    }, null, { timeout: 15 * MINUTES, polling: 1000 });

    const shown = await page.evaluate(() => ({
      code: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').length,
      ran: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code' && c.input_prompt_number).length,
      charts: document.querySelectorAll('.output_area img[src^="data:image/png"]').length,
      tables: [...document.querySelectorAll('.output_html table')]
          .filter(t => t.innerText.includes('B/op')).length,
      checklists: [...document.querySelectorAll('.escapelab-checklist')].map(c => c.innerText),
      errors: [...document.querySelectorAll('.output_error')].map(e => e.innerText.slice(0, 500)),
      lastOutput: (() => {
        const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
        return code[code.length - 1].output_area.element[0].innerText;
      })(),
    }));

    // One picture of the whole notebook: the page scrolls inside #site, so let it grow.
    await page.addStyleTag({ content: '#site { height: auto !important; overflow: visible !important; }' });
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(JSON.stringify(shown));
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.error(e.stack || String(e));
  process.exit(1);
});
