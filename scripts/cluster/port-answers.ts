import { connect } from "node:net";

/**
 * Resolves once a server on loopback `port` answers `probe` (given a fresh connection, it says
 * whether the answer came), trying every 50 ms until `deadline`; so a client's first request is not refused.
 */
export async function portAnswers(port: number, deadline: number, what: string, probe: (socket: ReturnType<typeof connect>) => Promise<boolean>): Promise<void> {
  for (;;) {
    const s = connect(port, "127.0.0.1");
    const ok = await new Promise<boolean>((resolve) => {
      s.once("error", () => resolve(false));
      s.once("connect", () => void probe(s).then(resolve, () => resolve(false)));
    });
    s.destroy();
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} did not answer on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
