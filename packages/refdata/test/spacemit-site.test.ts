import { between, exampleSuite } from './helpers/example-suite.js';

await exampleSuite('spacemit-site', (c, n) => {
  const messages = c['spacemit_mysql.contact_messages'] ?? 0;
  const applications = c['spacemit_mysql.job_applications'] ?? 0;
  between(messages + applications, n, 3 * n);
  between(applications, 0, n);
  between(c['spacemit_mysql.analytics_events'], 10 * n, 80 * n);
  between(c['spacemit_cvs.cvs/{application_id}'], applications, applications);
});
