// What every browser driver shares: Debian's Chromium (or CHROMIUM), headless, as root in a
// container can run it, driven by playwright-core; and the steps a learner takes in the classic
// Notebook UI.
const { chromium } = require('playwright-core');

const MINUTES = 60 * 1000;
exports.MINUTES = MINUTES;

exports.launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});

// The classic Notebook's page, driven as a learner would.
exports.classic = {
  // Waits until the notebook's kernel is connected.
  waitForKernel: (page) => page.waitForFunction(() => window.Jupyter && Jupyter.notebook
      && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(), null, { timeout: 2 * MINUTES }),

  // Types text into the cell tagged `analysis` and renders it; false when there is no such cell.
  async typeAnalysis(page, text) {
    const index = await page.evaluate(() => Jupyter.notebook.get_cells()
        .findIndex(c => (c.metadata.tags || []).includes('analysis')));
    if (index < 0) return false;
    const cell = page.locator('#notebook-container > .cell').nth(index);
    await cell.scrollIntoViewIfNeeded();
    await cell.dblclick();
    await cell.locator('.CodeMirror textarea').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Shift+Enter');
    return true;
  },

  // Ctrl-S, then waits until the notebook is saved.
  async save(page) {
    await page.keyboard.press('Control+S');
    await page.waitForFunction(() => !Jupyter.notebook.dirty, null, { timeout: MINUTES });
  },

  // Cell → Run All, then waits until every code cell has run and the last one shows an output.
  async runAll(page, minutes, polling) {
    await page.click('#celllink');
    await page.click('#run_all_cells');
    await page.waitForFunction(() => {
      const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
      const last = code[code.length - 1];
      return last.output_area.outputs.length > 0 && code.every(c => c.input_prompt_number !== '*');
    }, null, { timeout: minutes * MINUTES, polling });
  },

  // What the page shows: the checklists, the errors and the last code cell's output.
  shown: (page) => page.evaluate(() => {
    const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
    return {
      checklists: [...document.querySelectorAll('.escapelab-checklist')].map(c => c.innerText),
      errors: [...document.querySelectorAll('.output_error')].map(e => e.innerText.slice(0, 500)),
      lastOutput: code[code.length - 1].output_area.element[0].innerText,
    };
  }),

  // One picture of the whole notebook: the page scrolls inside #site, so let it grow.
  async screenshot(page, path) {
    await page.addStyleTag({ content: '#site { height: auto !important; overflow: visible !important; }' });
    await page.screenshot({ path, fullPage: true });
  },
};
