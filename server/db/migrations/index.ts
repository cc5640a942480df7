import { sql as m001 } from "./001-initial.js";
import { sql as m002 } from "./002-search-sample-idempotency.js";
import { sql as m003 } from "./003-access.js";
import { sql as m004 } from "./004-display-layout.js";
import { sql as m005 } from "./005-reception.js";
import { sql as m006 } from "./006-call-in.js";
import { sql as m007 } from "./007-console.js";
import { sql as m008 } from "./008-roof.js";
import { sql as m009 } from "./009-letters.js";
import { sql as m010 } from "./010-fixedcost.js";

/** In order; the database's `user_version` is the number of entries applied. Append only. */
export const MIGRATIONS: readonly string[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010];
