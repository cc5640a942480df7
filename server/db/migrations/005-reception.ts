import { DEFAULT_JOB_CATEGORIES } from "../../../shared/schemas/job-category.js";

const quoted = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Fourth step: reception (issue 13). Job categories and the greeting limit are settings (the seed's
 * seven categories and 3 minutes for a site that had none); advisors take categories; a card gets
 * its category (NULL is 未分类, so every older card and import still works), a walk-in mark, the
 * greeting stamp and the clock's overdue mark, the "on the way" answer of a late customer, and who
 * acknowledged the complaint / repeat-repair alert on arrival.
 */
export const sql = `
ALTER TABLE settings ADD COLUMN greeting_limit_minutes INTEGER NOT NULL DEFAULT 3;
ALTER TABLE settings ADD COLUMN job_categories TEXT NOT NULL DEFAULT ${quoted(JSON.stringify(DEFAULT_JOB_CATEGORIES))};

ALTER TABLE advisors ADD COLUMN job_categories TEXT NOT NULL DEFAULT '[]';

ALTER TABLE appointments ADD COLUMN job_category TEXT;
ALTER TABLE appointments ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appointments ADD COLUMN greeted_at TEXT;
ALTER TABLE appointments ADD COLUMN greeting_overdue_at TEXT;
ALTER TABLE appointments ADD COLUMN expected_at TEXT;
ALTER TABLE appointments ADD COLUMN no_show_delay_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appointments ADD COLUMN alert_acknowledged_at TEXT;
ALTER TABLE appointments ADD COLUMN alert_acknowledged_by TEXT NOT NULL DEFAULT '';
CREATE INDEX appointments_awaiting_greeting ON appointments(status) WHERE greeted_at IS NULL AND greeting_overdue_at IS NULL;
`;
