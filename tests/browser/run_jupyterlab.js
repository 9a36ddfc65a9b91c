// Drives the course in JupyterLab 4 or Notebook 7 as a learner would, in headless Chromium.
//
//   node run_jupyterlab.js lab START_URL NOTEBOOK SHOTS_DIR ANALYSIS_TEXT
//     opens the URL ./course run printed (the start-here notebook), then NOTEBOOK from the file
//     browser's command; types the analysis into the cell tagged `analysis`, saves (Ctrl-S),
//     runs Run -> Run All Cells from the menu bar, and reports what the page shows.
//   node run_jupyterlab.js notebook7 NOTEBOOK_URL SHOTS_DIR
//     opens one notebook in Notebook 7's single-document view and runs Run -> Run All Cells.
//
// The server exposes the application as window.jupyterapp (LabApp / JupyterNotebookApp
// expose_app_in_browser): the notebook's model says what ran, the DOM what the learner sees.
// Prints one JSON line on stdout; CHROMIUM names the browser (default /usr/bin/chromium).
const path = require('path');
const { launch, MINUTES } = require('./browser');

const [mode, url, ...rest] = process.argv.slice(2);

// The notebook panel in front, once its kernel has answered kernel_info.
async function openedNotebook(page, name) {
  await page.waitForFunction((name) => {
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const kernel = panel && panel.sessionContext && panel.sessionContext.session
        && panel.sessionContext.session.kernel;
    return panel && panel.context.path.endsWith(name) && kernel && kernel.status === 'idle';
  }, name, { timeout: 3 * MINUTES, polling: 250 });
  // Once the kernel's kernel_info is in, JupyterLab has written its language_info into the
  // model: a notebook whose saved metadata differs is marked modified by then.
  await page.evaluate(async () => {
    await window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.info;
    await new Promise(resolve => setTimeout(resolve, 500));
  });
  return page.evaluate(() => {
    const panel = window.jupyterapp.shell.currentWidget;
    return { path: panel.context.path, dirty: panel.context.model.dirty,
             title: document.title, newsPrompt: document.body.textContent.includes('official Jupyter news') };
  });
}

// Counts the kernel's update_display_data messages: the progress line updated in place.
async function countUpdates(page) {
  await page.evaluate(() => {
    window.escapelabUpdates = 0;
    window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.iopubMessage.connect((_, msg) => {
      if (msg.header.msg_type === 'update_display_data') window.escapelabUpdates++;
    });
  });
}

// Run -> Run All Cells, from the menu bar as a learner clicks it.
async function runAllFromTheMenu(page) {
  await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
  await page.locator('.lm-Menu-item', { hasText: /^Run All Cells/ }).click();
}

// Waits until every code cell ran (or one failed: Run All stops there), then reads the page.
async function ranAll(page) {
  await page.waitForFunction(() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const cells = [...panel.model.cells].filter(c => c.type === 'code');
    const outputs = c => c.outputs.toJSON();
    const failed = cells.some(c => outputs(c).some(o => o.output_type === 'error'));
    const last = cells[cells.length - 1];
    return panel.sessionContext.session.kernel.status === 'idle'
        && (failed || (last.executionCount !== null && outputs(last).length > 0));
  }, null, { timeout: 15 * MINUTES, polling: 1000 });
  return page.evaluate(() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const cells = [...panel.model.cells].filter(c => c.type === 'code');
    const outputs = cells.flatMap(c => c.outputs.toJSON());
    const text = o => [].concat(o.text || (o.data && o.data['text/plain']) || []).join('');
    const last = panel.content.widgets.filter(w => w.model.type === 'code').pop();
    return {
      ran: cells.filter(c => c.executionCount !== null).length,
      code: cells.length,
      updates: window.escapelabUpdates,
      // Per cell that ran JMH, its progress lines: one each when it is updated in place.
      progress: cells.map(c => c.outputs.toJSON().map(text).filter(t => /^[…✓✘] JMH/.test(t)))
          .filter(lines => lines.length > 0),
      charts: document.querySelectorAll('.jp-OutputArea-output img[src^="data:image/png"]').length,
      tables: [...document.querySelectorAll('.jp-RenderedHTMLCommon table')]
          .filter(t => t.textContent.includes('B/op')).length,
      checklists: [...document.querySelectorAll('.escapelab-checklist')].map(c => c.textContent),
      errors: outputs.filter(o => o.output_type === 'error').map(o => `${o.ename}: ${o.evalue}`.slice(0, 500)),
      lastOutput: last.node.querySelector('.jp-OutputArea').textContent,
      dirty: panel.context.model.dirty,
    };
  });
}

// Scrolls the first cell whose outputs hold `mime` (or whose output shows `selector`) to the top
// of the notebook and keeps a picture of the window.
async function shoot(page, mime, selector, file) {
  await page.evaluate(async ([mime, selector]) => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    const index = notebook.widgets.findIndex(w => w.model.type === 'code' && w.model.outputs.toJSON()
        .some(o => (o.data && o.data[mime] !== undefined)) && (!selector || w.node.querySelector(selector)));
    if (index >= 0) await notebook.scrollToItem(index, 'start');
  }, [mime, selector]);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: file });
}

async function lab(page, [notebook, shots, analysis]) {
  await page.goto(url);
  const start = await openedNotebook(page, '00-start-here.ipynb');
  await page.screenshot({ path: path.join(shots, 'lab-start.png') });

  await page.evaluate((name) => window.jupyterapp.commands.execute('docmanager:open', { path: name }), notebook);
  const task = await openedNotebook(page, notebook);

  // The learner's own words, typed into the analysis cell's editor, then saved.
  const index = await page.evaluate(() => [...window.jupyterapp.shell.currentWidget.model.cells]
      .findIndex(c => (c.getMetadata('tags') || []).includes('analysis')));
  if (index < 0) throw new Error('no cell tagged analysis');
  await page.evaluate((i) => window.jupyterapp.shell.currentWidget.content.scrollToItem(i), index);
  const cell = (await page.evaluateHandle((i) => window.jupyterapp.shell.currentWidget.content.widgets[i].node,
      index)).asElement();
  await cell.dblclick();
  await (await cell.waitForSelector('.cm-content')).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(analysis);
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Control+S');
  await page.waitForFunction(() => !window.jupyterapp.shell.currentWidget.context.model.dirty,
      null, { timeout: MINUTES });

  await countUpdates(page);
  await runAllFromTheMenu(page);
  const shown = await ranAll(page);
  await shoot(page, 'image/png', null, path.join(shots, 'lab-chart.png'));
  await shoot(page, 'text/html', '.escapelab-checklist', path.join(shots, 'lab-checks.png'));
  return { start, task, ...shown };
}

async function notebook7(page, [shots]) {
  await page.goto(url);
  const start = await openedNotebook(page, path.basename(new URL(url).pathname));
  await countUpdates(page);
  await runAllFromTheMenu(page);
  const shown = await ranAll(page);
  await shoot(page, 'text/html', '.escapelab-checklist', path.join(shots, 'notebook7.png'));
  return { start, ...shown };
}

(async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const shown = await ({ lab, notebook7 })[mode](page, rest);
    console.log(JSON.stringify(shown));
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.error(e.stack || String(e));
  process.exit(1);
});
