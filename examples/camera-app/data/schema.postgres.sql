-- Reference datastore of the camera app: dataset camera_pg of examples/camera-app/pledge.yaml.
-- Table, column and key names match the manifest's collections and fields, references included.
-- Every identity and reference column is indexed (leading column), so a data-subject request
-- looks rows up by index. Foreign keys have no ON DELETE action: an erasure must unlink or
-- delete children before their parent, in the order the manifest's references give.
-- Columns the manifest erases with null or anonymise are nullable.

CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  phone text NOT NULL,
  email text,
  nickname text,
  avatar_url text,
  password_hash text NOT NULL,
  region text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE third_party_logins (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL,
  provider text NOT NULL,
  external_id text NOT NULL,
  nickname text
);

CREATE TABLE devices (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL,
  serial_number text NOT NULL,
  model text NOT NULL,
  wifi_ssid text,
  bound_at timestamptz NOT NULL,
  latitude numeric(9, 6),
  longitude numeric(9, 6)
);

CREATE TABLE device_shares (
  id bigint PRIMARY KEY,
  device_id bigint NOT NULL,
  owner_account_id bigint NOT NULL,
  guest_account_id bigint NOT NULL,
  permissions text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Kept as anonymous statistics after erasure: links and media keys become null.
CREATE TABLE alarm_events (
  id bigint PRIMARY KEY,
  device_id bigint,
  account_id bigint,
  kind text,
  occurred_at timestamptz,
  screenshot_key text
);

CREATE TABLE intercom_sessions (
  id bigint PRIMARY KEY,
  device_id bigint,
  account_id bigint,
  started_at timestamptz,
  audio_key text
);

-- refdata: after load. Keys and indexes below are added once the data is in, which is
-- several times faster than checking them row by row; the schema is the same either way.

ALTER TABLE third_party_logins
  ADD CONSTRAINT third_party_logins_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE devices
  ADD CONSTRAINT devices_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE device_shares
  ADD CONSTRAINT device_shares_device_id_fkey FOREIGN KEY (device_id) REFERENCES devices (id);
ALTER TABLE device_shares
  ADD CONSTRAINT device_shares_owner_account_id_fkey FOREIGN KEY (owner_account_id) REFERENCES accounts (id);
ALTER TABLE device_shares
  ADD CONSTRAINT device_shares_guest_account_id_fkey FOREIGN KEY (guest_account_id) REFERENCES accounts (id);
ALTER TABLE alarm_events
  ADD CONSTRAINT alarm_events_device_id_fkey FOREIGN KEY (device_id) REFERENCES devices (id);
ALTER TABLE alarm_events
  ADD CONSTRAINT alarm_events_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE intercom_sessions
  ADD CONSTRAINT intercom_sessions_device_id_fkey FOREIGN KEY (device_id) REFERENCES devices (id);
ALTER TABLE intercom_sessions
  ADD CONSTRAINT intercom_sessions_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);

CREATE UNIQUE INDEX accounts_phone_key ON accounts (phone);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);
CREATE INDEX third_party_logins_account_id_idx ON third_party_logins (account_id);
CREATE UNIQUE INDEX third_party_logins_external_id_key ON third_party_logins (external_id, provider);
CREATE INDEX devices_account_id_idx ON devices (account_id);
CREATE UNIQUE INDEX devices_serial_number_key ON devices (serial_number);
CREATE INDEX device_shares_device_id_idx ON device_shares (device_id);
CREATE INDEX device_shares_owner_account_id_idx ON device_shares (owner_account_id);
CREATE INDEX device_shares_guest_account_id_idx ON device_shares (guest_account_id);
CREATE INDEX alarm_events_device_id_idx ON alarm_events (device_id);
CREATE INDEX alarm_events_account_id_idx ON alarm_events (account_id);
CREATE INDEX intercom_sessions_device_id_idx ON intercom_sessions (device_id);
CREATE INDEX intercom_sessions_account_id_idx ON intercom_sessions (account_id);
