import { ServerChild } from "./child.js";
import { BareTarget, MagboardTarget } from "./targets.js";
import type { MagboardReady } from "../servers/magboard-server.js";
import type { BareReady } from "../servers/bare-server.js";

/** magboard and the bare Socket.IO baseline, each in a child process of its own. */
export interface ServerPair {
  ours: MagboardTarget;
  bare: BareTarget;
  /** The size of the patch both send to their displays. */
  payloadBytes: number;
  close(): Promise<void>;
}

export async function openServerPair(dir: string, date: string, synchronous: "FULL" | "NORMAL"): Promise<ServerPair> {
  const magboard = await ServerChild.start<MagboardReady>("magboard-server.ts", { BENCH_DIR: dir, BENCH_DATE: date, BENCH_SYNCHRONOUS: synchronous });
  const bareChild = await ServerChild.start<BareReady>("bare-server.ts", {});
  const ours = await MagboardTarget.open(magboard.ready);
  const bare = await BareTarget.open(bareChild.ready.port);
  const close = async () => {
    await ours.close();
    await bare.close();
    await magboard.stop();
    await bareChild.stop();
  };
  try {
    // a first change, so that the baseline can carry the very payload magboard's displays receive
    await ours.connectDisplays(1);
    await ours.send();
    if (!ours.samplePatch) throw new Error("magboard's display received no patch");
    await bare.setPayload(ours.samplePatch);
    await ours.disconnectDisplays();
    return { ours, bare, payloadBytes: Buffer.byteLength(JSON.stringify(ours.samplePatch)), close };
  } catch (err) {
    await close();
    throw err;
  }
}
