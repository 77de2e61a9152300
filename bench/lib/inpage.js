// Installed by the bench (page.addInitScript) into every page it measures, before any of the
// page's own scripts: timing helpers, a long-task log, the wasm memory and the first table row.
(() => {
  const bench = (window.__bench = {
    longtasks: [],
    firstRowAt: null,
    wasmMemory: null,
    /** Resolves in the next macrotask (after every pending microtask, i.e. Leptos's effects). */
    macrotask() {
      return new Promise((resolve) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve();
        ch.port2.postMessage(0);
      });
    },
    frame() {
      return new Promise((resolve) => requestAnimationFrame(() => resolve()));
    },
    /**
     * Times one interaction: `act()` runs synchronously (it sets a value and dispatches an
     * event, or clicks); the time is from just before it until the next macrotask after the DOM
     * has been updated (`settle`, when given, first waits for a peer's own deferred work).
     * `read()` is the visible result (a count); it is read again two frames later to check
     * that nothing was still pending when the clock stopped.
     */
    async time(act, read, settle) {
      await bench.frame();
      await bench.macrotask();
      const before = read();
      const t0 = performance.now();
      act();
      if (settle) await settle();
      await bench.macrotask();
      const ms = performance.now() - t0;
      const after = read();
      // Also: until the frame showing the change has been produced (style, layout, paint):
      // `frameMs` from the keystroke, the wait for the display's next refresh included;
      // `workMs` the work alone (the DOM update, then the frame's own rendering, from its
      // animation frame callback on), i.e. how soon a frame could show it.
      let tRaf = 0;
      await new Promise((resolve) => requestAnimationFrame(() => { tRaf = performance.now(); resolve(); }));
      await bench.macrotask();
      const tFrame = performance.now();
      const frameMs = tFrame - t0;
      const workMs = ms + (tFrame - tRaf);
      await bench.frame();
      await bench.macrotask();
      const later = read();
      return { ms, frameMs, workMs, before, after, consistent: after === later };
    },
    /** What a search shows: the count and the first table row (the app's or a peer's). */
    readTable() {
      return (document.querySelector('.result-count')?.textContent || '') + ' | ' + (document.querySelector('table.data-table tbody tr')?.textContent || '');
    },
    /**
     * Types each of `keys` into the page's search box as its whole value, `repeats` times over,
     * timing each (`time`, read by `readTable`); returns `{ key, ...time }` per keystroke.
     */
    async typeAll(keys, repeats) {
      const out = [];
      for (let i = 0; i < repeats; i++) {
        for (const v of keys) {
          const input = document.querySelector('input[type=search]');
          out.push({ key: v, ...(await bench.time(() => { input.value = v; input.dispatchEvent(new Event('input', { bubbles: true })); }, bench.readTable)) });
        }
      }
      return out;
    },
  });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    bench.longtaskError = String(e);
  }

  // Trunk's loader dispatches this with detail.wasm = the wasm-bindgen exports (memory included).
  addEventListener('TrunkApplicationStarted', (e) => {
    bench.wasmMemory = e.detail && e.detail.wasm && e.detail.wasm.memory;
  });

  // Fallback load end when the app has no performance marks: the first row of the data table.
  const watch = () => {
    const mo = new MutationObserver(() => {
      if (bench.firstRowAt === null && document.querySelector('table.data-table tbody tr')) {
        bench.firstRowAt = performance.now();
        mo.disconnect();
      }
    });
    mo.observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.documentElement) watch();
  else document.addEventListener('readystatechange', watch, { once: true });
})();
