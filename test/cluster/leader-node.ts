// A node of a site as far as the clock's leadership goes, in a process of its own so a test can
// kill it with SIGKILL: `node --import tsx test/cluster/leader-node.ts <database url> <site id> <poll ms>`.
// Prints "leader" and "follower" as its leadership changes.
import { PgLeaderLock } from "../../server/db/pg/leader-lock.js";
import { silentLogger } from "../../server/logger.js";

const [url, site, poll] = process.argv.slice(2);
const lock = new PgLeaderLock(url!, Number(site), silentLogger, Number(poll));
lock.start((leader) => process.stdout.write(leader ? "leader\n" : "follower\n"));
process.on("SIGTERM", () => void lock.stop().then(() => process.exit(0)));
