import type { Logger } from "../logger.js";

/**
 * Which node of a site runs the work that must happen once per site, not once per node: the clock's
 * marks, the call lists' scheduler, the text hook. A lone server always leads; several nodes on
 * PostgreSQL agree through a lock (server/db/pg/leader-lock.ts).
 */
export interface Leadership {
  /** Calls `onChange` with true when this node starts leading and false when it stops. */
  start(onChange: (leader: boolean) => void): void;
  stop(): Promise<void>;
}

/** A server alone on its site leads from the start. */
export const ALONE: Leadership = {
  start: (onChange) => onChange(true),
  stop: () => Promise.resolve(),
};

/** Something a leader runs, stopped for good when leadership goes; a new one is made when it comes back. */
export interface Duty {
  start(): Promise<void> | void;
  stop(): void;
}

/** Runs the duties `make` builds while this node leads, one set at a time, in the order leadership comes and goes. */
export class LeaderDuties<T extends Record<string, Duty>> {
  private running: T | null = null;
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly make: () => T,
    private readonly log: Logger,
  ) {}

  /** The duties running now; null while another node leads. */
  get current(): T | null {
    return this.running;
  }

  /** Resolves once every start or stop asked for so far has finished. */
  settled(): Promise<void> {
    return this.turn;
  }

  /** Starts or stops the duties; resolves once they have. */
  lead(leader: boolean): Promise<void> {
    this.turn = this.turn
      .then(async () => {
        if (leader && !this.running) {
          const duties = this.make();
          this.running = duties;
          for (const d of Object.values(duties)) await d.start();
        } else if (!leader && this.running) {
          for (const d of Object.values(this.running)) d.stop();
          this.running = null;
        }
      })
      .catch((err: unknown) => this.log.error("starting or stopping the leader's work failed", err));
    return this.turn;
  }
}
