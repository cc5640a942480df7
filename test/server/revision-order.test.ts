import { describe, expect, it } from "vitest";
import { RevisionOrder } from "../../server/board/revision-order.js";
import type { LoggedChange } from "../../server/db/change-log-repo.js";

const change = (revision: number): LoggedChange => ({ revision, at: revision * 1000, dates: ["2026-11-27"], ops: [] });
const revisions = (cs: LoggedChange[]) => cs.map((c) => c.revision);

// With several nodes a change committed on another node may arrive late, twice, or not at all
// (server/board/revision-order.ts); what screens are told must still be each revision once, in order.
describe("hearing changes from several nodes in revision order", () => {
  it("holds a change that came before its predecessor and lets both go once the gap closes", () => {
    const order = new RevisionOrder(10, () => {});
    expect(revisions(order.accept(change(11)))).toEqual([11]);
    expect(revisions(order.accept(change(13)))).toEqual([]);
    expect(revisions(order.accept(change(14)))).toEqual([]);
    expect(revisions(order.accept(change(12)))).toEqual([12, 13, 14]);
    order.close();
  });

  it("drops a revision heard twice or already passed", () => {
    const order = new RevisionOrder(10, () => {});
    expect(revisions(order.accept(change(11)))).toEqual([11]);
    expect(revisions(order.accept(change(11)))).toEqual([]);
    expect(revisions(order.accept(change(9)))).toEqual([]);
    expect(order.last).toBe(11);
    order.close();
  });

  it("asks for what is missing from the last revision it let go when a gap does not close by itself", async () => {
    const asked = await new Promise<number>((resolve) => {
      const order = new RevisionOrder(10, resolve, 20);
      order.accept(change(11));
      order.accept(change(13));
    });
    expect(asked).toBe(11);
  });

  it("lets what it holds go after the gap when the log no longer has the missing revisions", () => {
    const order = new RevisionOrder(10, () => {});
    order.accept(change(15));
    order.accept(change(16));
    expect(revisions(order.skipGap())).toEqual([15, 16]);
    expect(order.last).toBe(16);
    expect(revisions(order.skipGap())).toEqual([]);
    order.close();
  });
});
