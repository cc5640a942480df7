import { DISPLAY_NAMESPACE, STAFF_NAMESPACE } from "../../shared/protocol.js";
import type { DisplayStatus } from "../../shared/schemas/access.js";
import type { Board } from "../board/board.js";
import type { Bookkeeping } from "../board/bookkeeping.js";
import type { Clock } from "../board/clock.js";
import type { AccessControl } from "../access/access-control.js";
import type { Logger } from "../logger.js";
import type { BoardServer, DisplayNamespace, StaffNamespace } from "./namespaces.js";
import { Publisher } from "./publisher.js";
import { DisplayChannel } from "./display-channel.js";
import { StaffChannel } from "./staff-channel.js";

export interface HubOptions {
  access: AccessControl;
  bookkeeping: Bookkeeping;
  clock: Clock;
  log: Logger;
  /** Refuse unpaired screens: only a display with a key sees even the masked board. */
  requirePairing: boolean;
  /** Unsent packets a screen may have queued before it is dropped. */
  maxPendingPackets?: number;
  /** Where the site's namespaces live: empty for the embedded default, `/s/<slug>` for a site of a group. */
  prefix?: string;
}

/**
 * The live side of the board: the public `/display` namespace, the signed-in `/staff` one, and the
 * publisher that pushes every committed change to both. Each namespace is typed with its own event
 * map here, where it is taken from the server.
 */
export class BoardHub {
  private readonly display: DisplayChannel;
  private readonly staff: StaffChannel;
  private readonly publisher: Publisher;
  private readonly unsubscribe: () => void;

  /** The site's public namespace; the nodes of a group tell each other of the site's commits through it. */
  readonly displayNamespace: DisplayNamespace;

  constructor(io: BoardServer, board: Board, o: HubOptions) {
    const prefix = o.prefix ?? "";
    const displayNs: DisplayNamespace = io.of(prefix + DISPLAY_NAMESPACE);
    const staffNs: StaffNamespace = io.of(prefix + STAFF_NAMESPACE);
    this.displayNamespace = displayNs;
    this.publisher = new Publisher(board, displayNs, staffNs, o.log, o.maxPendingPackets);
    this.display = new DisplayChannel(displayNs, board, o.access, o.bookkeeping, this.publisher, o.requirePairing);
    this.staff = new StaffChannel(staffNs, board, o.access, o.clock, this.publisher.fullView);
    this.unsubscribe = board.onEnded((ids) => {
      this.display.end(ids);
      this.staff.end(ids);
    });
  }

  displays(): number {
    return this.display.count();
  }

  editors(): number {
    return this.staff.count();
  }

  /** Screens dropped since start because they stopped reading. */
  droppedSlow(): number {
    return this.publisher.droppedSlow();
  }

  /** Every paired display with whether it is connected now and what it shows. */
  async displayStatuses(): Promise<DisplayStatus[]> {
    return this.display.statuses();
  }

  close(): void {
    this.unsubscribe();
    this.publisher.close();
    this.staff.close();
  }
}
