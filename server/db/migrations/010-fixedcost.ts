/**
 * Fewer pages written per command (issue 16, point 2): every page a commit dirties is written to
 * the WAL and synced before the command is acknowledged.
 *
 * `audit_by_actor` served no query: the history viewer finds a person by part of the name
 * (`instr`), which no index helps, so it was a page per command for nothing.
 *
 * `before_changes`: an entry whose before and after are the same kind of record keeps of the
 * before only the fields that differ (`before` is then NULL), so an audit row is about half as
 * long and the log's pages fill half as fast. Reading puts the whole before back (audit-repo.ts);
 * entries written before this step keep their whole `before` and read as they did.
 */
export const sql = `
DROP INDEX audit_by_actor;
ALTER TABLE audit_log ADD COLUMN before_changes TEXT;
`;
