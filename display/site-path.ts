/**
 * Where this page's site lives. The embedded server serves one site at the root (`/admin`,
 * `/api/...`, namespaces `/display` and `/staff`); a dealer group's nodes serve each store under
 * `/s/<slug>/` (docs/GROUP.md). Every URL a page asks for (API, socket namespace, another page)
 * is built here, so one page build works at both; test/architecture/site-paths.test.ts refuses
 * a page file that writes such a path itself.
 */

/**
 * What a site's URL name looks like. Its length is the server's to limit (server/group/site-registry.ts,
 * and the registry's CHECK); a name it does not know answers 404, so the page only tells a site's
 * path from the root's and keeps anything else out of the URLs it builds.
 */
export const SITE_SLUG = /^[a-z0-9][a-z0-9-]*$/;

export type SitePage = "display" | "admin" | "advisor" | "gate";
export type SiteNamespace = "display" | "staff";

/** `/s/<slug>` when `pathname` is under a site, "" at the root. */
export function sitePrefixOf(pathname: string): string {
  const m = /^\/s\/([^/]+)(?:\/|$)/.exec(pathname);
  return m && SITE_SLUG.test(m[1]!) ? `/s/${m[1]!}` : "";
}

/** The prefix of site `slug`, for a page that links to other sites (the group's). */
export function prefixOfSite(slug: string): string {
  if (!SITE_SLUG.test(slug)) throw new Error(`not a site name: ${slug}`);
  return `/s/${slug}`;
}

let here: string | undefined;

/** This page's own site prefix, read from its address once (a page never moves between sites). */
export function sitePrefix(): string {
  // Node (the benchmark runs display/board-sync.ts) has no location: the root
  here ??= typeof location === "undefined" ? "" : sitePrefixOf(location.pathname);
  return here;
}

/** A site API route, `path` starting with `/` as the server's routes are written: `apiUrl("/board?date=…")`. */
export const apiUrl = (path: `/${string}`, prefix = sitePrefix()): string => `${prefix}/api${path}`;

/** A socket.io namespace of the site; the socket.io path itself stays `/socket.io`. */
export const namespaceUrl = (ns: SiteNamespace, prefix = sitePrefix()): string => `${prefix}/${ns}`;

/** Another page of the site (`pageUrl("display")`), or of site `prefix` when given. */
export const pageUrl = (page: SitePage, prefix = sitePrefix()): string => `${prefix}/${page}`;

/** The group director's page and its API (`/group`, `/group/api/...`), at the root of every node. */
export const groupPageUrl = (): string => "/group";
export const groupApiUrl = (path: `/${string}`): string => `/group/api${path}`;
