/**
 * Injected into the display page before its own scripts (as text: the bench runs under tsx, whose
 * helpers do not exist in the page). It adds a listener to every WebSocket, which runs before
 * socket.io's own, so `recv` is when the frame reached the page. From a task posted then (it runs
 * once socket.io and the page have handled the frame, and any render the page scheduled for the
 * next animation frame is registered) it checks each animation frame until the board (or the
 * changed card) is rendered and settled, and takes the time just after that frame was painted (a
 * message posted from requestAnimationFrame runs after the paint). The page's own code is not changed.
 *
 * The page's own work per patch is the task that received it (recv → the posted task) plus, when
 * the page renders in the next frame rather than at once, that render: from the first animation
 * frame callback of the frame (the probe's, registered at recv, before the page's) to the probe's
 * check (registered after the page's, so the page's update and its microtasks are done), read
 * before the check looks at the board: that look queries every card, and it is the probe's work.
 * In the task that received the patch the same holds: `handled` is read before `ready()`.
 * When the browser drew a frame between the patch's task and the probe's posted task (the page
 * rendered in it), the work ends with the page's last animation frame callback of that frame: the
 * probe follows each callback the page asks for with one of its own that notes the time. Before
 * this, such a patch counted the browser's whole frame (style, layout, paint) as the page's work,
 * and those patches made the p99. Such a patch was also painted in that frame, which ran before the
 * posted task: its paint time is the posted task's start (no later than the paint). Before, the probe
 * looked again in the frame after and counted it too, and on a slow TV, where a later patch's render
 * was often pending by then, one or two frames more: a third of the cheap TV's patches, and its p99.
 */
/** The probe's mark of a patch's arrival in a trace (console.timeStamp; read by page-profiling.ts pageCpuPerPatch). */
export const PATCH_STAMP = "magboard:patch";

export const PROBE = String.raw`
(() => {
  const bench = (window.__bench = { full: [], loaded: [], patches: [], revision: 0, expected: window.__benchExpected || 0 });
  // the board is the grid (cards are board-card elements) or the list (one line per card)
  const deep = () => {
    const app = document.querySelector("display-app");
    const board = app && app.shadowRoot && (app.shadowRoot.querySelector("board-grid") || app.shadowRoot.querySelector("board-list"));
    const list = !!board && board.localName === "board-list";
    const cards = board && board.shadowRoot ? [...board.shadowRoot.querySelectorAll(list ? "tbody tr" : "board-card")] : [];
    return { app, grid: board, list, cards };
  };
  const posted = (fn) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = fn;
    ch.port2.postMessage(0);
  };
  // from requestAnimationFrame: the DOM is final for this frame; the posted message runs once it is painted
  const untilPainted = (recv, ready, record, onFrame) => {
    const limit = recv + 5000;
    let frames = 0;
    const check = (frameTime) => {
      frames++;
      if (onFrame) onFrame(frameTime);
      if (ready()) return posted(() => record(performance.now() - recv, frames));
      if (performance.now() > limit) return record(NaN, frames);
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };
  const boardReady = () => {
    const { app, grid, cards } = deep();
    return !!grid && cards.length >= bench.expected && !app.isUpdatePending && !grid.isUpdatePending && cards.every((c) => !c.isUpdatePending);
  };
  const cardReady = (id, version) => () => {
    const { app, grid, list, cards } = deep();
    if (!grid || app.isUpdatePending || grid.isUpdatePending) return false;
    // a line is drawn by the list itself: the settled list holds the change
    if (list) return true;
    const card = cards.find((c) => c.appointment && c.appointment.id === id);
    return card ? card.appointment.version >= version && !card.isUpdatePending : true;
  };
  const onMessage = (data) => {
    if (typeof data !== "string") return;
    const recv = performance.now();
    // the newest revision the page has been sent, by patch or by the replay a reconnect brings
    for (const m of data.matchAll(/"revision":(\d+)/g)) bench.revision = Math.max(bench.revision, Number(m[1]));
    // magboard's display takes its day compact (shared/display-wire.ts); the bare server sends a plain snapshot
    if (data.includes('"kind":"compact"') || data.includes('"kind":"snapshot"')) {
      // the frame as it travelled, for its size
      window.__benchSnapshot = data;
      posted(() =>
        untilPainted(recv, boardReady, (ms) => {
          bench.full.push(ms);
          // since the navigation started: the cold load, HTML to the first complete board
          bench.loaded.push(performance.now());
        }),
      );
    } else if (data.includes('"board:patch"') && bench.watchPatches) {
      const id = /"appointment":\{"id":(\d+)/.exec(data);
      const version = /"version":(\d+)/.exec(data);
      if (!id || !version) return;
      console.timeStamp(${JSON.stringify(PATCH_STAMP)});
      const ready = cardReady(Number(id[1]), Number(version[1]));
      let first = null;
      requestAnimationFrame((frameTime) => (first = { frameTime, at: performance.now() }));
      posted(() => {
        const handled = performance.now() - recv;
        let work = NaN;
        if (ready()) {
          // a frame came before this task and the page rendered in it: its work ends with its last
          // animation frame callback, not with this task, which ran after the browser drew that frame
          const end = first && pageFrameEnd && pageFrameEnd.frameTime === first.frameTime ? pageFrameEnd.at : null;
          // ... and that frame painted the change: it is painted by now, in the first frame after it arrived
          if (end !== null) return bench.patches.push({ paint: handled, work: end - recv, frames: 1 });
          // otherwise it rendered at once (in socket.io's task): that task was all of the page's work
          work = handled;
        }
        untilPainted(
          recv,
          ready,
          (paint, frames) => bench.patches.push({ paint, work, frames }),
          (frameTime) => {
            // the clock is read before the probe's own look at the board (a query of every card), which is not the page's work
            const at = performance.now();
            if (Number.isNaN(work) && first && first.frameTime === frameTime && ready()) work = handled + at - first.at;
          },
        );
      });
    }
  };
  // each animation frame callback the page asks for is followed by one of the probe's, which notes
  // when the page's (and the microtasks it set off, e.g. a render) finished in that frame
  let pageFrameEnd = null;
  const nativeFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => {
    const id = nativeFrame(callback);
    nativeFrame((frameTime) => (pageFrameEnd = { frameTime, at: performance.now() }));
    return id;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (ev) => onMessage(ev.data));
    }
  };
})();
`;
