// Drives one notebook through the Notebook UI as a learner would, in headless Chromium:
// types an analysis into the cell tagged `analysis`, saves (Ctrl-S), runs all cells from the
// Cell menu, waits for the last cell, then reports what the page shows as JSON on stdout and
// keeps a screenshot of the whole notebook.
//
//   node run_notebook.js URL SCREENSHOT ANALYSIS_TEXT
//   (URL: the notebook's page with its token; CHROMIUM names the browser, default /usr/bin/chromium)
const { launch, classic } = require('./browser');

const [url, screenshot, analysis] = process.argv.slice(2);

(async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(url);
    await classic.waitForKernel(page);
    if (!await classic.typeAnalysis(page, analysis)) throw new Error('no cell tagged analysis');
    await classic.save(page);
    await classic.runAll(page, 15, 1000);

    const shown = await page.evaluate(() => ({
      code: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').length,
      ran: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code' && c.input_prompt_number).length,
      charts: document.querySelectorAll('.output_area img[src^="data:image/png"]').length,
      tables: [...document.querySelectorAll('.output_html table')]
          .filter(t => t.innerText.includes('B/op')).length,
    }));
    await classic.screenshot(page, screenshot);
    console.log(JSON.stringify({ ...shown, ...await classic.shown(page) }));
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.error(e.stack || String(e));
  process.exit(1);
});
