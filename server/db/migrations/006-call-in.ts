/**
 * Calling customers in (issue 14): the customer and vehicle register, the due lists worked by the
 * service desk, and which list generations have run. A generation's (list, period) is the primary
 * key, so a restart or a second server on the same file cannot make the same monthly list twice:
 * the second insert fails inside the generating transaction and rolls it back.
 */
export const sql = `
CREATE TABLE customers (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  title      TEXT NOT NULL,
  phone      TEXT NOT NULL,
  phone2     TEXT NOT NULL,
  phone_key  TEXT NOT NULL,
  version    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX customers_by_phone ON customers(phone_key);

CREATE TABLE vehicles (
  id                INTEGER PRIMARY KEY,
  plate             TEXT NOT NULL,
  plate_key         TEXT NOT NULL UNIQUE,
  vin               TEXT NOT NULL,
  model             TEXT NOT NULL,
  sale_date         TEXT,
  last_service_date TEXT,
  last_service_km   INTEGER,
  insurance_end     TEXT,
  inspection_due    TEXT,
  warranty_end      TEXT,
  customer_id       INTEGER REFERENCES customers(id),
  advisor_id        INTEGER REFERENCES advisors(id),
  version           INTEGER NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX vehicles_by_vin ON vehicles(vin) WHERE vin <> '';
CREATE INDEX vehicles_by_customer ON vehicles(customer_id);
CREATE INDEX vehicles_by_last_service ON vehicles(last_service_date);

-- which vehicle a booking is for, and the list entry it was booked from
CREATE TABLE appointment_links (
  appointment_id INTEGER PRIMARY KEY REFERENCES appointments(id),
  vehicle_id     INTEGER REFERENCES vehicles(id),
  entry_id       INTEGER
) STRICT;
CREATE INDEX appointment_links_by_vehicle ON appointment_links(vehicle_id);

CREATE TABLE call_entries (
  id              INTEGER PRIMARY KEY,
  list            TEXT NOT NULL,
  period          TEXT NOT NULL,
  vehicle_id      INTEGER NOT NULL REFERENCES vehicles(id),
  customer_id     INTEGER REFERENCES customers(id),
  advisor_id      INTEGER REFERENCES advisors(id),
  reason          TEXT NOT NULL,
  due_date        TEXT,
  state           TEXT NOT NULL,
  outcome         TEXT,
  outcome_note    TEXT NOT NULL,
  attempts        INTEGER NOT NULL,
  next_try_date   TEXT,
  last_contact_at TEXT,
  appointment_id  INTEGER,
  claimed_by      TEXT,
  claimed_name    TEXT,
  claimed_until   INTEGER,
  version         INTEGER NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX call_entries_by_list ON call_entries(list, state);
CREATE INDEX call_entries_by_vehicle ON call_entries(vehicle_id, list);

CREATE TABLE call_generations (
  list         TEXT NOT NULL,
  period       TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  generated_by TEXT NOT NULL,
  entries      INTEGER NOT NULL,
  PRIMARY KEY (list, period)
) STRICT;

-- the day-before call's tries that did not end in confirm, change or cancel: no answer, a text sent
CREATE TABLE confirmation_calls (
  appointment_id INTEGER PRIMARY KEY REFERENCES appointments(id),
  attempts       INTEGER NOT NULL,
  outcome        TEXT NOT NULL,
  at             TEXT NOT NULL,
  by             TEXT NOT NULL
) STRICT;

CREATE TABLE call_rules (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  rules      TEXT NOT NULL,
  version    INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
`;
