-- Reference datastore of the SpacemiT website: dataset spacemit_mysql of
-- examples/spacemit-site/pledge.yaml (MariaDB 10.11 or MySQL 8).
-- Table, column and key names match the manifest's collections and fields.
-- Every identity column is indexed (leading column), so a data-subject request looks rows
-- up by index. analytics_events.cookie_id is wide enough for its hashed form (hmac: + 64 hex).
-- CV files live beside this store, under cvs/<job_applications.id>/.

CREATE TABLE contact_messages (
  id BIGINT NOT NULL PRIMARY KEY,
  email VARCHAR(254) NOT NULL,
  name VARCHAR(200),
  phone VARCHAR(40),
  company VARCHAR(200),
  message TEXT NOT NULL,
  created_at DATETIME NOT NULL,
  INDEX contact_messages_email_idx (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE job_applications (
  id BIGINT NOT NULL PRIMARY KEY,
  email VARCHAR(254) NOT NULL,
  name VARCHAR(200),
  phone VARCHAR(40),
  position VARCHAR(200) NOT NULL,
  education VARCHAR(100),
  cv_file VARCHAR(255),
  created_at DATETIME NOT NULL,
  INDEX job_applications_email_idx (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE analytics_events (
  id BIGINT NOT NULL PRIMARY KEY,
  cookie_id VARCHAR(100),
  ip_address VARCHAR(45),
  page VARCHAR(500),
  referrer VARCHAR(500),
  occurred_at DATETIME,
  INDEX analytics_events_cookie_id_idx (cookie_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
