import type { ReactiveControllerHost } from "lit";
import type { Appointment } from "../shared/schemas/appointment.js";

/** An optimistic card shown until the board holds its version `until` (or the server refuses it). */
interface Pending {
  card: Appointment;
  until: number;
}

/**
 * The editor's own moves shown at once, before the server has answered: each stands in for its
 * card until the board holds the version the move makes, and is withdrawn if the server refuses
 * it. What the board shows is otherwise always the server's state.
 */
export class OptimisticMoves {
  private pending = new Map<number, Pending>();

  constructor(private readonly host: Pick<ReactiveControllerHost, "requestUpdate">) {}

  /** The ids of cards shown as moved but not yet confirmed by the server. */
  ids(): ReadonlySet<number> {
    return new Set(this.pending.keys());
  }

  /** Shows `card` in place of its server copy until the server's copy reaches version `until`. */
  add(card: Appointment, until: number): void {
    this.pending = new Map(this.pending).set(card.id, { card, until });
    this.host.requestUpdate();
  }

  withdraw(id: number): void {
    if (!this.pending.has(id)) return;
    const next = new Map(this.pending);
    next.delete(id);
    this.pending = next;
    this.host.requestUpdate();
  }

  /** The server's cards with the pending moves on top. */
  over(appointments: readonly Appointment[]): readonly Appointment[] {
    // the server's own array while nothing is pending, so the board is not laid out again for nothing
    if (this.pending.size === 0) return appointments;
    return appointments.map((a) => {
      const p = this.pending.get(a.id);
      return p && a.version < p.until ? p.card : a;
    });
  }

  /** Drops each move the board has caught up with, or whose card is gone. */
  settle(card: (id: number) => Appointment | undefined): void {
    for (const [id, p] of this.pending) {
      const a = card(id);
      if (!a || a.version >= p.until) this.pending.delete(id);
    }
  }
}
