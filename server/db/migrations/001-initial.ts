/** The first schema: settings, advisors, bays, appointments, the audit log and the change log. */
export const sql = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  id                        INTEGER PRIMARY KEY CHECK (id = 1),
  site_name                 TEXT NOT NULL,
  time_zone                 TEXT NOT NULL,
  open_time                 TEXT NOT NULL,
  close_time                TEXT NOT NULL,
  slot_minutes              INTEGER NOT NULL,
  late_grace_minutes        INTEGER NOT NULL,
  no_show_after_minutes     INTEGER NOT NULL,
  advisor_capacity_per_slot INTEGER NOT NULL,
  language                  TEXT NOT NULL,
  version                   INTEGER NOT NULL,
  updated_at                TEXT NOT NULL,
  updated_by                TEXT NOT NULL
) STRICT;

CREATE TABLE advisors (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  color         TEXT NOT NULL,
  display_order INTEGER NOT NULL,
  active        INTEGER NOT NULL,
  days_on_duty  TEXT NOT NULL,
  version       INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE bays (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  active     INTEGER NOT NULL,
  version    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE appointments (
  id                   INTEGER PRIMARY KEY,
  date                 TEXT NOT NULL,
  start_time           TEXT NOT NULL,
  duration_minutes     INTEGER NOT NULL,
  advisor_id           INTEGER NOT NULL REFERENCES advisors(id),
  bay_id               INTEGER REFERENCES bays(id),
  customer_name        TEXT NOT NULL,
  customer_title       TEXT NOT NULL,
  phone                TEXT NOT NULL,
  plate                TEXT NOT NULL,
  vehicle_model        TEXT NOT NULL,
  mileage_km           INTEGER,
  work_requested       TEXT NOT NULL,
  source               TEXT NOT NULL,
  initiated_by         TEXT NOT NULL,
  estimated_minutes    INTEGER,
  estimated_amount     REAL,
  notes                TEXT NOT NULL,
  parts_needed         INTEGER NOT NULL,
  parts_ready          INTEGER NOT NULL,
  repeat_repair        INTEGER NOT NULL,
  complaint            INTEGER NOT NULL,
  needs_road_test      INTEGER NOT NULL,
  status               TEXT NOT NULL,
  late_at              TEXT,
  arrived_at           TEXT,
  arrived_late_minutes INTEGER,
  confirmed_at         TEXT,
  started_at           TEXT,
  completed_at         TEXT,
  cancelled_at         TEXT,
  version              INTEGER NOT NULL,
  created_at           TEXT NOT NULL,
  created_by           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  updated_by           TEXT NOT NULL
) STRICT;
CREATE INDEX appointments_by_date ON appointments(date, start_time);
CREATE INDEX appointments_by_status ON appointments(status, date);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor_id  TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  date      TEXT,
  before    TEXT,
  after     TEXT,
  revision  INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_by_date ON audit_log(date);
CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);

CREATE TABLE change_log (
  revision INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  dates    TEXT NOT NULL,
  ops      TEXT NOT NULL
) STRICT;
`;
