import { parseArgs } from "node:util";
import { PasswordSchema, UsernameSchema } from "../../shared/schemas/access.js";
import { addSiteAt } from "../db/pg/group-records.js";
import { SLUG } from "../db/pg/group-schema.js";
import { createGroupAccount } from "../group/group-access.js";

class Refused extends Error {}

/**
 * The group's own set-up on its PostgreSQL (DATABASE_URL), from the command line:
 *   npm run add-site -- --slug <url-name> --name <store name>        a new, empty store
 *   npm run group-account -- --username <name> --name <display name>  the after-sales director
 *     (集团售后总监; the password from MAGBOARD_GROUP_PASSWORD; run again to reset it)
 * A store's first start on a node fills its settings and first manager, as a new SQLite file does.
 */
async function main(): Promise<void> {
  const [what, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({ args: rest, options: { slug: { type: "string" }, name: { type: "string" }, username: { type: "string" } } });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Refused("DATABASE_URL is not set: it names the group's PostgreSQL, e.g. postgres://magboard@db.example/magboard");
  if (what === "add-site") {
    if (!values.slug || !SLUG.test(values.slug)) throw new Refused("--slug: the store's name in URLs, 1 to 40 of a-z, 0-9 and -, starting with a letter or digit");
    if (!values.name?.trim()) throw new Refused("--name: the store's name as staff know it");
    const site = await addSiteAt(url, { slug: values.slug, name: values.name.trim() });
    if (site === "taken") throw new Refused(`--slug: a store named "${values.slug}" exists already`);
    console.log(`store ${site.slug} (id ${site.id}) added: /s/${site.slug}/display, /s/${site.slug}/admin`);
  } else if (what === "group-account") {
    const username = UsernameSchema.safeParse(values.username ?? "");
    if (!username.success) throw new Refused(`--username: ${username.error.issues[0]?.message ?? "not a username"}`);
    const password = PasswordSchema.safeParse(process.env.MAGBOARD_GROUP_PASSWORD ?? "");
    if (!password.success) throw new Refused(`MAGBOARD_GROUP_PASSWORD: ${password.error.issues[0]?.message ?? "not a password"}`);
    const member = await createGroupAccount(url, { username: username.data, displayName: values.name ?? username.data, password: password.data });
    console.log(`group account ${member.username} (${member.displayName}) ready: sign in at /group`);
  } else {
    throw new Refused("say what: add-site or group-account");
  }
}

main().catch((err: unknown) => {
  console.error(`${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof Refused ? 2 : 1);
});
