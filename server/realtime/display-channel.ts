import { DisplayReportSchema, type DisplayStatus, type PairedDisplay } from "../../shared/schemas/access.js";
import type { Board } from "../board/board.js";
import type { Bookkeeping } from "../board/bookkeeping.js";
import type { AccessControl } from "../access/access-control.js";
import { endRevoked, handshakeString, type DisplayNamespace, type DisplaySocket } from "./namespaces.js";
import type { Publisher } from "./publisher.js";
import { serveReads } from "./reads.js";
import { LinkQuality } from "./link-quality.js";

/**
 * `/display`: the wall TVs. Anyone on the network may open it and reads the masked board; a paired
 * display (its key in the handshake) reads in full when the manager made it staff-only. Nothing
 * here can change the board: the namespace's event map has no command.
 */
export class DisplayChannel {
  private readonly links: LinkQuality;

  constructor(
    private readonly ns: DisplayNamespace,
    private readonly board: Board,
    access: AccessControl,
    private readonly bookkeeping: Bookkeeping,
    private readonly publisher: Publisher,
    /** Refuse unpaired screens: only a display with a key sees even the masked board. */
    requirePairing: boolean,
  ) {
    this.links = new LinkQuality();
    ns.use((socket, next) => {
      const key = handshakeString(socket.handshake.auth, "key");
      if (key === undefined) return next(requirePairing ? new Error("pairing_required") : undefined);
      access.displayByKey(key).then((paired) => {
        if (!paired) return next(new Error("unauthorized"));
        socket.data.displayId = paired.id;
        socket.data.actor = access.displayActor(paired);
        socket.data.ends = [socket.data.actor.id];
        next();
      }, next);
    });
    ns.on("connection", (socket) => void this.onConnection(socket).catch(() => socket.disconnect(true)));
  }

  /** Displays connected now, paired or not. */
  count(): number {
    return this.ns.sockets.size;
  }

  /** Every paired display with whether it is connected now, what it shows and how well its link holds. */
  async statuses(): Promise<DisplayStatus[]> {
    const live = new Map<number, DisplaySocket>();
    for (const s of this.ns.sockets.values()) if (s.data.displayId !== undefined) live.set(s.data.displayId, s);
    const displays = await this.board.records.displays();
    const today = await this.board.today();
    this.links.keepOnly(new Set(displays.filter((d) => !d.revoked).map((d) => d.id)));
    return displays.map((d) => {
      const s = live.get(d.id);
      return { ...d, online: s !== undefined, date: s?.data.date ?? null, page: s?.data.page ?? null, ...this.links.report(d.id, today) };
    });
  }

  end(ids: string[]): void {
    endRevoked(this.ns, ids);
  }

  private async onConnection(socket: DisplaySocket): Promise<void> {
    const id = socket.data.displayId;
    const paired = id === undefined ? undefined : await this.board.records.display(id);
    serveReads(socket, paired?.visibility === "staff" ? this.publisher.staffDisplayView : this.publisher.publicView, this.board);
    socket.on("display:config", (ack) => {
      if (typeof ack === "function") ack(paired ? configOf(paired) : null);
    });
    if (!paired) return;
    await this.touch(paired.id);
    this.links.connected(paired.id, socket.conn, await this.board.today());
    socket.on("display:report", (raw) => {
      const report = DisplayReportSchema.safeParse(raw);
      if (report.success) socket.data.page = report.data.page;
    });
    // the last-seen time is bookkeeping: a database that cannot take it now must not take the server down
    socket.on("disconnect", () => void this.touch(paired.id).catch(() => undefined));
  }

  private async touch(displayId: number): Promise<void> {
    await this.bookkeeping.touchDisplay(displayId, new Date(this.board.now()).toISOString());
  }
}

function configOf(d: PairedDisplay) {
  return { id: d.id, name: d.name, visibility: d.visibility, language: d.language, advisorIds: d.advisorIds, layout: d.layout, windowBefore: d.windowBefore, windowAfter: d.windowAfter };
}
