/**
 * The code's layout as rules (README, "How the code is laid out"). Folders are relative to the
 * repository root; a rule about a folder covers everything below it.
 */

/** Each must hold at least one source file: a rule about an empty or renamed folder would pass without checking anything. */
export const EXPECTED_FOLDERS = [
  "shared",
  "shared/rules",
  "server",
  "server/http",
  "server/realtime",
  "server/board",
  "server/db",
  "server/access",
  "server/ops",
  "display",
  "admin",
  "advisor",
  "gate",
  "login",
  "group",
  "bench",
  "scripts",
  "test",
];

/** Every folder whose imports are read: the expected ones and all below them. */
export const SCANNED_FOLDERS = ["shared", "server", "display", "admin", "advisor", "gate", "login", "group", "bench", "scripts", "test"];

export interface FolderRule {
  from: string;
  /** Folders `from` may not import from, in any way (types included). */
  forbidden: string[];
  /** Files inside a forbidden folder that `from` may still import. */
  except?: string[];
  /** Packages `from` may not import. */
  packages?: RegExp;
  why: string;
}

const PAGES = ["display", "admin", "advisor", "gate", "login", "group"];
/** What a browser page cannot load, or must not: Node's own modules and the server's libraries. */
const SERVER_ONLY = /^(node:|fs$|path$|os$|child_process$|express$|helmet$|socket\.io$|better-sqlite3$|pg$|redis$|@socket\.io\/redis-streams-adapter$)/;

export const FOLDER_RULES: FolderRule[] = [
  {
    from: "shared",
    forbidden: ["server", ...PAGES, "bench", "scripts", "test"],
    packages: new RegExp(`${SERVER_ONLY.source}|^(lit|socket\\.io-client)$`),
    why: "shared/ runs in Node and the browser and depends on nothing of ours",
  },
  { from: "server", forbidden: [...PAGES, "bench", "scripts", "test"], why: "the server never imports the pages" },
  { from: "display", forbidden: ["admin", "advisor", "gate", "login", "group", "server", "bench", "scripts", "test"], packages: SERVER_ONLY, why: "display/ holds the board's components; admin and advisor reuse them, never the reverse" },
  { from: "admin", forbidden: ["advisor", "group", "server", "bench", "scripts", "test"], packages: SERVER_ONLY, why: "the editor reuses display/ and login/, and the gate's walk-in form" },
  { from: "advisor", forbidden: ["admin", "gate", "group", "server", "bench", "scripts", "test"], packages: SERVER_ONLY, why: "the phone page reuses display/ and login/" },
  { from: "gate", forbidden: ["admin", "advisor", "group", "server", "bench", "scripts", "test"], packages: SERVER_ONLY, why: "the gate page reuses display/ and login/" },
  {
    from: "login",
    forbidden: ["admin", "advisor", "gate", "group", "display", "server", "bench", "scripts", "test"],
    // the sign-in asks its own site's API (issue 17): the one module that knows the site, which imports nothing
    except: ["display/site-path.ts"],
    packages: SERVER_ONLY,
    why: "the sign-in elements stand alone",
  },
  { from: "group", forbidden: ["admin", "advisor", "gate", "server", "bench", "scripts", "test"], packages: SERVER_ONLY, why: "the group director's page reuses display/ and login/" },
  // the benchmark runs the TV's own DOM-free sync core in Node (display/board-sync.ts, through test/helpers), never a page's UI
  { from: "bench", forbidden: ["admin", "advisor", "gate", "login", "group"], why: "the benchmark drives the server and pages from outside, as clients do" },
  { from: "scripts", forbidden: PAGES, why: "scripts run the server's and the tests' code, never a page's" },
  // inside the server: transports → board → db
  { from: "server/http", forbidden: ["server/db", "server/realtime"], why: "REST talks to the board's named methods, never to repositories or SQL" },
  { from: "server/realtime", forbidden: ["server/db", "server/http"], why: "the socket hub talks to the board's named methods, never to repositories or SQL" },
  { from: "server/access", forbidden: ["server/http", "server/realtime"], why: "access control serves both transports and knows neither" },
  { from: "server/board", forbidden: ["server/http", "server/realtime", "server/ops", "server/cli", "server/app.ts", "server/main.ts"], why: "the board knows no transport" },
  {
    from: "server/db",
    forbidden: ["server/board", "server/http", "server/realtime", "server/access", "server/ops", "server/sample", "server/cli", "server/app.ts", "server/main.ts"],
    why: "db/ is the bottom layer: it knows only shared/",
  },
];

/** The database drivers: SQLite embedded, PostgreSQL for the dealer group. */
export const DB_DRIVERS: readonly string[] = ["better-sqlite3", "pg"];

/** Only these may import a database driver. Tests and the benchmark read and time the database itself. */
export const SQL_FOLDERS = ["server/db", "test", "bench"];

/** Where no code may call into better-sqlite3 except through server/db (found with the type checker); elsewhere only server/db, test/ and bench/ may even import it. */
export const SQL_CHECKED = ["server"];

/** The wall display's bundle must not pull in zod at run time (its size budget, bench/README-performance.md). */
export const ZOD_FREE = "display";

/**
 * Nor the editor's charting library, by any path (a direct import, or through shared/ or a type
 * import that is not one): the reports draw with uPlot, the wall display's bundle stays as it was.
 */
export const CHART_FREE = { folder: "display", pkg: "uplot" } as const;

/**
 * What the wall display's page must not load at run time, by any path: the whole message table (the
 * TV reads shared/i18n/board-messages.ts, its own sections) and date-fns' formatters (Intl formats the
 * TV's three patterns). A cheap TV parses every byte it loads (issue 16, point 4); the two together were
 * a third of the page's bundle.
 */
export const TV_PAGE = { entry: "display/main.ts", forbiddenFiles: ["shared/i18n/messages.ts"], forbiddenPackages: ["date-fns"] } as const;
