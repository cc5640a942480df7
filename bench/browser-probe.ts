/**
 * Injected into the display page before its own scripts (as text: the bench runs under tsx, whose
 * helpers do not exist in the page). It adds a listener to every WebSocket, which runs before
 * socket.io's own, so `recv` is when the frame reached the page; then it checks each animation frame
 * until the board (or the changed card) is rendered and settled, and takes the time just after that
 * frame was painted (a message posted from requestAnimationFrame runs after the paint). The page's
 * own code is not changed.
 */
export const PROBE = String.raw`
(() => {
  const bench = (window.__bench = { full: [], patches: [], revision: 0, expected: window.__benchExpected || 0 });
  // the board is the grid (cards are board-card elements) or the list (one line per card)
  const deep = () => {
    const app = document.querySelector("display-app");
    const board = app && app.shadowRoot && (app.shadowRoot.querySelector("board-grid") || app.shadowRoot.querySelector("board-list"));
    const list = !!board && board.localName === "board-list";
    const cards = board && board.shadowRoot ? [...board.shadowRoot.querySelectorAll(list ? "tbody tr" : "board-card")] : [];
    return { app, grid: board, list, cards };
  };
  // from requestAnimationFrame: the DOM is final for this frame; the posted message runs once it is painted
  const untilPainted = (recv, ready, record) => {
    const limit = recv + 5000;
    const check = () => {
      if (ready()) {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => record(performance.now() - recv);
        ch.port2.postMessage(0);
        return;
      }
      if (performance.now() > limit) return record(NaN);
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };
  const boardReady = () => {
    const { app, grid, cards } = deep();
    return !!grid && cards.length >= bench.expected && !app.isUpdatePending && !grid.isUpdatePending && cards.every((c) => !c.isUpdatePending);
  };
  // a card in a crowded slot is drawn inside the grid's summary, so the settled grid is then the test
  const cardReady = (id, version) => () => {
    const { app, grid, list, cards } = deep();
    if (!grid || app.isUpdatePending || grid.isUpdatePending) return false;
    // a line is drawn by the list itself: the settled list holds the change
    if (list) return true;
    const card = cards.find((c) => c.appointment && c.appointment.id === id);
    return card ? card.appointment.version >= version && !card.isUpdatePending : true;
  };
  const onFrame = (data) => {
    if (typeof data !== "string") return;
    const recv = performance.now();
    // the newest revision the page has been sent, by patch or by the replay a reconnect brings
    for (const m of data.matchAll(/"revision":(\d+)/g)) bench.revision = Math.max(bench.revision, Number(m[1]));
    if (data.includes('"kind":"snapshot"')) {
      untilPainted(recv, boardReady, (ms) => bench.full.push(ms));
    } else if (data.includes('"board:patch"')) {
      const id = /"appointment":\{"id":(\d+)/.exec(data);
      const version = /"version":(\d+)/.exec(data);
      if (id && version && bench.watchPatches) {
        const ready = cardReady(Number(id[1]), Number(version[1]));
        // the page's own work: a task posted now runs after socket.io's handler and Lit's update
        let work = NaN;
        const ch = new MessageChannel();
        ch.port1.onmessage = () => (work = ready() ? performance.now() - recv : NaN);
        ch.port2.postMessage(0);
        untilPainted(recv, ready, (paint) => bench.patches.push({ paint, work }));
      }
    }
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (ev) => onFrame(ev.data));
    }
  };
})();
`;
