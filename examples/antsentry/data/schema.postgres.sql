-- Reference datastore of AntSentry: dataset antsentry_pg of examples/antsentry/pledge.yaml.
-- Table, column and key names match the manifest's collections and fields, references included.
-- Every identity and reference column is indexed (leading column), so a data-subject request
-- looks rows up by index. Foreign keys have no ON DELETE action: an erasure must delete
-- children before their parent, in the order the manifest's references give.
-- login_logs is under the legal hold login-records: an erasure keeps it.

CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text, -- NULL only on an erased (tombstone) account
  phone text,
  name text,
  password_hash text, -- NULL only on an erased (tombstone) account
  created_at timestamptz NOT NULL,
  last_login_at timestamptz,
  country text
);

CREATE TABLE pools (
  id bigint PRIMARY KEY,
  user_id bigint NOT NULL,
  pool_url text NOT NULL,
  worker_account text NOT NULL
);

CREATE TABLE miners (
  id bigint PRIMARY KEY,
  user_id bigint NOT NULL,
  serial_number text NOT NULL,
  ip_address text,
  worker_name text,
  pool_id bigint
);

CREATE TABLE electricity_fees (
  id bigint PRIMARY KEY,
  user_id bigint NOT NULL,
  price_per_kwh numeric(8, 4) NOT NULL,
  currency text NOT NULL
);

CREATE TABLE alert_subscriptions (
  id bigint PRIMARY KEY,
  user_id bigint NOT NULL,
  channel text NOT NULL,
  target text NOT NULL,
  alert_kind text NOT NULL
);

CREATE TABLE login_logs (
  id bigint PRIMARY KEY,
  user_id bigint NOT NULL,
  ip_address text,
  user_agent text,
  logged_in_at timestamptz NOT NULL
);

-- refdata: after load. Keys and indexes below are added once the data is in, which is
-- several times faster than checking them row by row; the schema is the same either way.

ALTER TABLE pools
  ADD CONSTRAINT pools_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE miners
  ADD CONSTRAINT miners_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE miners
  ADD CONSTRAINT miners_pool_id_fkey FOREIGN KEY (pool_id) REFERENCES pools (id);
ALTER TABLE electricity_fees
  ADD CONSTRAINT electricity_fees_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE alert_subscriptions
  ADD CONSTRAINT alert_subscriptions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE login_logs
  ADD CONSTRAINT login_logs_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);

CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_phone_key ON users (phone);
CREATE INDEX pools_user_id_idx ON pools (user_id);
CREATE INDEX miners_user_id_idx ON miners (user_id);
CREATE UNIQUE INDEX miners_serial_number_key ON miners (serial_number);
CREATE INDEX miners_pool_id_idx ON miners (pool_id);
CREATE INDEX electricity_fees_user_id_idx ON electricity_fees (user_id);
CREATE INDEX alert_subscriptions_user_id_idx ON alert_subscriptions (user_id);
CREATE INDEX login_logs_user_id_idx ON login_logs (user_id);
